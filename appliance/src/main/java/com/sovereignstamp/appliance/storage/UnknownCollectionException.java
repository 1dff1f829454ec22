package com.sovereignstamp.appliance.storage;

/** No collection of that name in this stamp. */
public final class UnknownCollectionException extends RuntimeException {
  public UnknownCollectionException(String name) {
    super("no collection named " + name);
  }
}
