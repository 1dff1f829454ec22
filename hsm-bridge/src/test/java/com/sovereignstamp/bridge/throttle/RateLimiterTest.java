package com.sovereignstamp.bridge.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void aFullBucketAllowsOneSecondOfRate_thenRefillsOverTime() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    RateLimiter limiter = new RateLimiter(now::get);
    int allowed = 0;
    for (int i = 0; i < 20; i++) {
      if (limiter.tryAcquire("/a", 10)) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(10);
    now.addAndGet(100_000_000L); // 100 ms at 10/s = one token
    assertThat(limiter.tryAcquire("/a", 10)).isTrue();
    assertThat(limiter.tryAcquire("/a", 10)).isFalse();
  }

  @Test
  void keyStoresHaveSeparateBuckets() {
    RateLimiter limiter = new RateLimiter(() -> 0L);
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("/a", 3);
    }
    assertThat(limiter.tryAcquire("/a", 3)).isFalse();
    assertThat(limiter.tryAcquire("/b", 3)).isTrue();
  }
}
