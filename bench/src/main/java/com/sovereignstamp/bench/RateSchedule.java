package com.sovereignstamp.bench;

/**
 * The send times of an open-loop run: request {@code j} (0, 1, 2, …) is due at {@code start + j /
 * rate} and goes to connection {@code j mod N}, so connection {@code i} sends its {@code k}-th
 * request at {@code start + (k·N + i) / rate}. The times are fixed in advance and do not depend on
 * when answers arrive.
 *
 * @param startNanos the first send time ({@link System#nanoTime()} scale)
 * @param connections N
 * @param ratePerSecond requests per second over all connections
 */
record RateSchedule(long startNanos, int connections, int ratePerSecond) {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  RateSchedule {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1");
    }
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("rate must be at least 1 per second");
    }
  }

  /** When connection {@code connection} sends its {@code k}-th request (k from 0). */
  long sendTime(int connection, long k) {
    if (connection < 0 || connection >= connections || k < 0) {
      throw new IllegalArgumentException("no such slot: connection " + connection + ", k " + k);
    }
    long j = k * connections + connection;
    return startNanos + j * NANOS_PER_SECOND / ratePerSecond;
  }

  /** How many requests connection {@code connection} sends before {@code endNanos}. */
  long countBefore(int connection, long endNanos) {
    long lo = 0;
    long hi = Math.max(1, (endNanos - startNanos) / NANOS_PER_SECOND + 1) * ratePerSecond;
    // the smallest k with sendTime(connection, k) >= end, by bisection
    while (lo < hi) {
      long k = (lo + hi) >>> 1;
      if (sendTime(connection, k) < endNanos) {
        lo = k + 1;
      } else {
        hi = k;
      }
    }
    return lo;
  }
}
