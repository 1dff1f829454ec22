package com.sovereignstamp.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies (nanoseconds), by the nearest-rank method: the p-th percentile
 * is the smallest value that at least p per cent of all values do not exceed, so it is always one
 * of the measured values. An empty set has count 0 and zeros elsewhere.
 *
 * @param count how many latencies
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest
 * @param limitNanos the latency limit counted against
 * @param overLimit how many latencies exceed {@code limitNanos}
 */
record LatencySummary(
    long count, long p50, long p99, long p999, long max, long limitNanos, long overLimit) {

  static LatencySummary of(long[] latencies, long limitNanos) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, limitNanos, 0);
    }
    return new LatencySummary(
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 99),
        percentile(sorted, 99.9),
        sorted[sorted.length - 1],
        limitNanos,
        countAbove(sorted, limitNanos));
  }

  /**
   * @param sorted ascending, not empty
   * @param percent in (0, 100]
   */
  static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
    }
    // ceil(p/100 * n) computed in integer arithmetic on tenths of a per cent, so that e.g. the
    // 99th of 100 values is the 99th value and not the 100th by a floating-point hair.
    long permille = Math.round(percent * 10);
    long rank = (permille * sorted.length + 999) / 1000;
    return sorted[(int) Math.max(1, rank) - 1];
  }

  /** How many values of the ascending array exceed the limit. */
  static long countAbove(long[] sorted, long limit) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= limit) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return sorted.length - lo;
  }
}
