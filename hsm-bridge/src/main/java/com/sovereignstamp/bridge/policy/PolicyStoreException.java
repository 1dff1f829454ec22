package com.sovereignstamp.bridge.policy;

/** The policy store could not be read or written; nothing was changed. */
public final class PolicyStoreException extends RuntimeException {
  public PolicyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
