package com.sovereignstamp.bridge.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A cumulative histogram with fixed buckets (seconds), as Prometheus expects. */
final class LatencyHistogram {
  static final double[] BOUNDS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5
  };
  private final LongAdder[] counts = new LongAdder[BOUNDS.length];
  private final LongAdder count = new LongAdder();
  private final LongAdder sumNanos = new LongAdder();

  LatencyHistogram() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  void observe(long nanos) {
    double seconds = nanos / 1e9;
    for (int i = 0; i < BOUNDS.length; i++) {
      if (seconds <= BOUNDS[i]) {
        counts[i].increment();
        break;
      }
    }
    count.increment();
    sumNanos.add(nanos);
  }

  void render(StringBuilder out, String name, String labels) {
    long cumulative = 0;
    for (int i = 0; i < BOUNDS.length; i++) {
      cumulative += counts[i].sum();
      out.append(name).append("_bucket{").append(labels).append(",le=\"").append(BOUNDS[i]);
      out.append("\"} ").append(cumulative).append('\n');
    }
    out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ");
    out.append(count.sum()).append('\n');
    out.append(name).append("_sum{").append(labels).append("} ").append(sumNanos.sum() / 1e9);
    out.append('\n');
    out.append(name).append("_count{").append(labels).append("} ").append(count.sum()).append('\n');
  }
}
