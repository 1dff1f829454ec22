package com.sovereignstamp.appliance.storage;

/** A collection of that name exists already. */
public final class CollectionExistsException extends RuntimeException {
  public CollectionExistsException(String name) {
    super("a collection named " + name + " exists already");
  }
}
