package com.sovereignstamp.appliance.keys;

import com.sovereignstamp.format.KeyMaterial;

/**
 * A request's hold on a cached key: the key is not zeroed while a lease is open. Hold it only to
 * derive what the request needs (an object key), then close it.
 */
public final class KeyLease implements AutoCloseable {
  private final CachedKey entry;
  private final KeyMaterial key;
  private boolean closed;

  KeyLease(CachedKey entry, KeyMaterial key) {
    this.entry = entry;
    this.key = key;
  }

  /** The key; not to be kept beyond the lease. */
  public KeyMaterial key() {
    if (closed) {
      throw new IllegalStateException("lease already closed");
    }
    return key;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      entry.release();
    }
  }

  @Override
  public String toString() {
    return "KeyLease[redacted]";
  }
}
