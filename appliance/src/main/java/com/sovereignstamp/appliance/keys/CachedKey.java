package com.sovereignstamp.appliance.keys;

import com.sovereignstamp.format.KeyMaterial;

/**
 * One unwrapped key in the cache. Requests hold it through {@link KeyLease}s; once evicted it hands
 * out no more leases and is zeroed as soon as the last lease is released.
 */
final class CachedKey {
  private final KeyMaterial key;
  private final long loadedAtNanos;
  private final Runnable onZeroed;
  private int leases;
  private boolean evicted;
  private boolean zeroed;

  /**
   * @param onZeroed run once, when the key has been zeroed
   */
  CachedKey(KeyMaterial key, long loadedAtNanos, Runnable onZeroed) {
    this.key = key;
    this.loadedAtNanos = loadedAtNanos;
    this.onZeroed = onZeroed;
  }

  long loadedAtNanos() {
    return loadedAtNanos;
  }

  /** A lease, or null once evicted. */
  synchronized KeyLease acquire() {
    if (evicted) {
      return null;
    }
    leases++;
    return new KeyLease(this, key);
  }

  synchronized void release() {
    leases--;
    if (leases == 0 && evicted) {
      zero();
    }
  }

  synchronized void evict() {
    evicted = true;
    if (leases == 0) {
      zero();
    }
  }

  private void zero() {
    if (!zeroed) {
      zeroed = true;
      key.close();
      onZeroed.run();
    }
  }

  @Override
  public String toString() {
    return "CachedKey[redacted]";
  }
}
