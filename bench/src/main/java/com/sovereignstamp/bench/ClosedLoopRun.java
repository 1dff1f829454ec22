package com.sovereignstamp.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;

/**
 * N connections, each sending its next request as soon as the previous answer is in, for a warm-up
 * and then a measured window. A latency runs from just before the request is written (after it was
 * built and signed) to the end of its answer; requests begun during the warm-up are not counted.
 */
final class ClosedLoopRun {
  private static final long PAUSE_AFTER_FAILURE_NANOS = 10_000_000;

  private final SSLContext context;
  private final Target target;
  private final OptionalLong bridgePid;

  ClosedLoopRun(SSLContext context, Target target, OptionalLong bridgePid) {
    this.context = context;
    this.target = target;
    this.bridgePid = bridgePid;
  }

  PointResult run(Workload workload, int connections, Duration warmup, Duration measure)
      throws InterruptedException {
    List<WorkerTally> tallies = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      tallies.add(new WorkerTally());
    }
    MeasuredWindow window = new MeasuredWindow();
    // Every thread connects first; the clock starts when the last handshake is done.
    CyclicBarrier ready =
        new CyclicBarrier(
            connections,
            () -> {
              long from = System.nanoTime() + warmup.toNanos();
              window.fix(from, from + measure.toNanos());
            });
    long deadline =
        System.nanoTime()
            + warmup.toNanos()
            + measure.toNanos()
            + 4L * target.timeoutMillis() * 1_000_000
            + 30_000_000_000L;
    ConnectionThreads threads =
        ConnectionThreads.start(
            "closed-loop", connections, i -> () -> loop(workload, tallies.get(i), ready, window));
    Optional<CpuUsage> cpu = window.cpuUsage(bridgePid);
    threads.join(deadline);
    return new PointResult(
        workload.scenario(),
        workload.payload(),
        connections,
        measure.toNanos(),
        WorkerTally.ok(tallies),
        LatencySummary.of(WorkerTally.latencies(tallies), 0),
        WorkerTally.errors(tallies),
        WorkerTally.connectionsOpened(tallies),
        cpu,
        window.fromEpochMillis());
  }

  private void loop(
      Workload workload, WorkerTally tally, CyclicBarrier ready, MeasuredWindow window) {
    try (ReconnectingConnection connection = new ReconnectingConnection(context, target)) {
      try {
        connection.open();
      } catch (IOException e) {
        tally.errors.addFailure(e);
      }
      ready.await();
      long measureFrom = window.from();
      long end = window.to();
      while (true) {
        byte[] request = workload.nextRequest();
        long start = System.nanoTime();
        if (start - end >= 0) {
          break;
        }
        boolean measured = start - measureFrom >= 0;
        try {
          HttpResponse response = connection.exchange(request);
          long took = System.nanoTime() - start;
          if (!measured) {
            continue;
          }
          if (workload.isExpected(response)) {
            tally.ok++;
            tally.latencies.add(took);
          } else {
            tally.errors.addAnswer(response);
          }
        } catch (IOException e) {
          if (measured) {
            tally.errors.addFailure(e);
          }
          LockSupport.parkNanos(PAUSE_AFTER_FAILURE_NANOS);
        }
      }
      tally.connectionsOpened = connection.opened();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BrokenBarrierException e) {
      tally.errors.add("start barrier broken");
    }
  }
}
