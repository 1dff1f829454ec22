package com.sovereignstamp.xks.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A monotonic clock that moves only when told to, or by the sleeps it records. */
final class ManualTime implements MonotonicTime {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }
}
