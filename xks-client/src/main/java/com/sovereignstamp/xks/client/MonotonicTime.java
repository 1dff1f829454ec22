package com.sovereignstamp.xks.client;

import java.time.Duration;

/**
 * The time source of the retry budget, the backoff and the circuit breaker: a monotonic clock and a
 * way to wait. {@link #system()} in production; tests give a manual one. (The wall clock that dates
 * SigV4 signatures is {@link XksClientSettings#clock()}, a different thing.)
 */
public interface MonotonicTime {
  /** Nanoseconds from an arbitrary origin, never going back ({@link System#nanoTime()}). */
  long nanoTime();

  /** Waits for the duration. */
  void sleep(Duration duration) throws InterruptedException;

  /** {@link System#nanoTime()} and {@link Thread#sleep}. */
  static MonotonicTime system() {
    return SystemTime.INSTANCE;
  }

  /** The JVM's monotonic clock. */
  enum SystemTime implements MonotonicTime {
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      long nanos = duration.toNanos();
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    }
  }
}
