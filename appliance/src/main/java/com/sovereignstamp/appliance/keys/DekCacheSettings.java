package com.sovereignstamp.appliance.keys;

import java.time.Duration;
import java.util.Objects;

/**
 * How long unwrapped keys live in a node's memory, on a monotonic clock.
 *
 * @param softTtl after this a key is refreshed (unwrapped again in the background) on its next use
 * @param hardTtl after this a key is never served: the next use waits for a fresh unwrap
 */
public record DekCacheSettings(Duration softTtl, Duration hardTtl) {
  public static final Duration DEFAULT_SOFT_TTL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HARD_TTL = Duration.ofSeconds(300);

  public DekCacheSettings {
    Objects.requireNonNull(softTtl, "softTtl");
    Objects.requireNonNull(hardTtl, "hardTtl");
    if (softTtl.isNegative() || softTtl.isZero()) {
      throw new IllegalArgumentException("the soft TTL must be positive");
    }
    if (hardTtl.compareTo(softTtl) < 0) {
      throw new IllegalArgumentException("the hard TTL must not be shorter than the soft TTL");
    }
  }
}
