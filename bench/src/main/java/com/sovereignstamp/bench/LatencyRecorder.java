package com.sovereignstamp.bench;

import java.util.Arrays;
import java.util.List;

/** Every latency of one thread, in nanoseconds, in a growing array (no sampling, no buckets). */
final class LatencyRecorder {
  private long[] values = new long[1 << 14];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** All recorders' values in one array. */
  static long[] merge(List<LatencyRecorder> recorders) {
    long total = 0;
    for (LatencyRecorder r : recorders) {
      total += r.size;
    }
    long[] all = new long[Math.toIntExact(total)];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.values, 0, all, at, r.size);
      at += r.size;
    }
    return all;
  }
}
