package com.sovereignstamp.appliance.keys;

/**
 * The customer's key, reached through the bridge: wraps and unwraps collection keys with the
 * encryption context as additional authenticated data.
 *
 * @see KeyServiceException for every way it can refuse
 */
public interface KeyWrapper {
  /** Wraps {@code key} (the caller zeroes it) under the configured customer key. */
  WrappedKey wrap(byte[] key, byte[] aad);

  /** Unwraps into a fresh array that the caller must zero. */
  byte[] unwrap(WrappedKey wrapped, byte[] aad);

  /** The customer key new collection keys are wrapped under. */
  String cmkKeyId();
}
