package com.sovereignstamp.bridge.audit;

/** How many reads, and how long they took; changed only inside a map's atomic compute. */
final class ReadCount {
  private long count;
  private long latencyMicrosTotal;
  private long latencyMicrosMax;

  ReadCount add(AuditedCall call) {
    count++;
    latencyMicrosTotal += call.latencyMicros();
    latencyMicrosMax = Math.max(latencyMicrosMax, call.latencyMicros());
    return this;
  }

  ReadCount merge(ReadCount other) {
    count += other.count;
    latencyMicrosTotal += other.latencyMicrosTotal;
    latencyMicrosMax = Math.max(latencyMicrosMax, other.latencyMicrosMax);
    return this;
  }

  long count() {
    return count;
  }

  long latencyMicrosTotal() {
    return latencyMicrosTotal;
  }

  long latencyMicrosMax() {
    return latencyMicrosMax;
  }
}
