package com.sovereignstamp.appliance.storage;

/** The database failed an operation; nothing of it was committed. */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
