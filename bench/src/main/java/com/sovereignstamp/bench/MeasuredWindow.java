package com.sovereignstamp.bench;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The measured window of a run, fixed once every connection is ready: it opens after the warm-up
 * and closes after the measured time. The run's coordinating thread can sample the CPU counters at
 * both ends while the connection threads work.
 */
final class MeasuredWindow {
  private final CountDownLatch fixed = new CountDownLatch(1);
  private volatile long from;
  private volatile long to;
  private volatile long fromEpochMillis;

  /** Called once, by the last connection thread to be ready. */
  void fix(long fromNanos, long toNanos) {
    from = fromNanos;
    to = toNanos;
    fromEpochMillis = System.currentTimeMillis() + (fromNanos - System.nanoTime()) / 1_000_000;
    fixed.countDown();
  }

  long from() {
    return from;
  }

  long to() {
    return to;
  }

  /** {@link #from()} as wall-clock time, milliseconds since the epoch. */
  long fromEpochMillis() {
    return fromEpochMillis;
  }

  /** Waits for the window, samples the CPU at its start and end and returns the usage. */
  Optional<CpuUsage> cpuUsage(OptionalLong bridgePid) throws InterruptedException {
    fixed.await();
    sleepUntil(from);
    Optional<CpuSample> first = CpuSample.read(bridgePid);
    sleepUntil(to);
    Optional<CpuSample> last = CpuSample.read(bridgePid);
    return first.flatMap(a -> last.map(b -> b.since(a)));
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
