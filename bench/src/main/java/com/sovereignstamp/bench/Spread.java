package com.sovereignstamp.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of durations in nanoseconds that may be negative (an event seen before the
 * moment it is measured from), by the nearest-rank method of {@link LatencySummary#percentile}:
 * each figure is one of the measured values. An empty set has count 0 and zeros elsewhere.
 */
record Spread(int count, long min, long p50, long p90, long p99, long max) {

  static Spread of(long[] nanos) {
    if (nanos.length == 0) {
      return new Spread(0, 0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Spread(
        sorted.length,
        sorted[0],
        LatencySummary.percentile(sorted, 50),
        LatencySummary.percentile(sorted, 90),
        LatencySummary.percentile(sorted, 99),
        sorted[sorted.length - 1]);
  }
}
