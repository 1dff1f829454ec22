package com.sovereignstamp.appliance.keys;

/** The first DEK and blind-index key of a new collection, as wrapped by the customer's key. */
public record NewCollectionKeys(WrappedKey dek, WrappedKey indexKey) {
  public static final int FIRST_VERSION = 1;
}
