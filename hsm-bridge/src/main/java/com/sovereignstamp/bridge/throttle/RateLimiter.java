package com.sovereignstamp.bridge.throttle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key store. A bucket holds up to one second of its rate and refills
 * continuously; a request that finds it empty is throttled. A changed rate (after a reload of the
 * key-store file) starts a fresh bucket.
 */
public final class RateLimiter {
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Takes one request's token from the key store's bucket; false when over the quota. */
  public boolean tryAcquire(String keyStore, int perSecond) {
    Bucket b =
        buckets.compute(
            keyStore,
            (k, old) ->
                old != null && old.rate == perSecond
                    ? old
                    : new Bucket(perSecond, nanoTime.getAsLong()));
    return b.take(nanoTime.getAsLong());
  }

  private static final class Bucket {
    private final int rate;
    private double tokens;
    private long last;

    Bucket(int rate, long now) {
      this.rate = rate;
      this.tokens = rate;
      this.last = now;
    }

    synchronized boolean take(long now) {
      tokens = Math.min(rate, tokens + (now - last) * rate / 1e9);
      last = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }
}
