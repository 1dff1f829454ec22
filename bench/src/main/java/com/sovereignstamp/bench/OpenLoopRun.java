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
 * A fixed request rate spread over N connections by a {@link RateSchedule}. A request is built
 * ahead of its slot, written at its scheduled time — or as soon as its connection is free, when an
 * earlier answer is late — and its latency runs from the scheduled time, so time spent queued
 * behind a slow answer counts (no coordinated omission). Requests still unsent {@link
 * #GIVE_UP_AFTER} past the end of the window are counted as errors.
 */
final class OpenLoopRun {
  static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

  private final SSLContext context;
  private final Target target;
  private final OptionalLong bridgePid;

  OpenLoopRun(SSLContext context, Target target, OptionalLong bridgePid) {
    this.context = context;
    this.target = target;
    this.bridgePid = bridgePid;
  }

  OpenLoopResult run(
      Workload workload,
      int connections,
      int ratePerSecond,
      Duration warmup,
      Duration measure,
      Duration latencyLimit)
      throws InterruptedException {
    List<WorkerTally> tallies = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      tallies.add(new WorkerTally());
    }
    RateSchedule[] schedule = new RateSchedule[1];
    MeasuredWindow window = new MeasuredWindow();
    CyclicBarrier ready =
        new CyclicBarrier(
            connections,
            () -> {
              long start = System.nanoTime() + 10_000_000;
              schedule[0] = new RateSchedule(start, connections, ratePerSecond);
              long from = start + warmup.toNanos();
              window.fix(from, from + measure.toNanos());
            });
    long deadline =
        System.nanoTime()
            + warmup.toNanos()
            + measure.toNanos()
            + GIVE_UP_AFTER.toNanos()
            + 4L * target.timeoutMillis() * 1_000_000
            + 30_000_000_000L;
    ConnectionThreads threads =
        ConnectionThreads.start(
            "open-loop",
            connections,
            i -> () -> loop(workload, i, tallies.get(i), ready, schedule, window));
    Optional<CpuUsage> cpu = window.cpuUsage(bridgePid);
    threads.join(deadline);
    long scheduled = 0;
    for (int i = 0; i < connections; i++) {
      scheduled +=
          schedule[0].countBefore(i, window.to()) - schedule[0].countBefore(i, window.from());
    }
    return new OpenLoopResult(
        workload.scenario(),
        workload.payload(),
        connections,
        ratePerSecond,
        measure.toNanos(),
        scheduled,
        WorkerTally.ok(tallies),
        LatencySummary.of(WorkerTally.latencies(tallies), latencyLimit.toNanos()),
        WorkerTally.errors(tallies),
        WorkerTally.connectionsOpened(tallies),
        cpu);
  }

  private void loop(
      Workload workload,
      int index,
      WorkerTally tally,
      CyclicBarrier ready,
      RateSchedule[] scheduleHolder,
      MeasuredWindow window) {
    try (ReconnectingConnection connection = new ReconnectingConnection(context, target)) {
      try {
        connection.open();
      } catch (IOException e) {
        tally.errors.addFailure(e);
      }
      ready.await();
      RateSchedule schedule = scheduleHolder[0];
      long measureFrom = window.from();
      long end = window.to();
      long giveUp = end + GIVE_UP_AFTER.toNanos();
      for (long k = 0; ; k++) {
        long due = schedule.sendTime(index, k);
        if (due - end >= 0) {
          break;
        }
        boolean measured = due - measureFrom >= 0;
        byte[] request = workload.nextRequest();
        waitUntil(due);
        if (System.nanoTime() - giveUp >= 0) {
          long unsent =
              schedule.countBefore(index, end)
                  - Math.max(k, schedule.countBefore(index, measureFrom));
          for (long u = 0; u < unsent; u++) {
            tally.errors.add("not sent: the driver fell behind by more than " + GIVE_UP_AFTER);
          }
          break;
        }
        try {
          HttpResponse response = connection.exchange(request);
          long took = System.nanoTime() - due;
          if (measured) {
            tally.latencies.add(took);
            if (workload.isExpected(response)) {
              tally.ok++;
            } else {
              tally.errors.addAnswer(response);
            }
          }
        } catch (IOException e) {
          if (measured) {
            tally.latencies.add(System.nanoTime() - due);
            tally.errors.addFailure(e);
          }
        }
      }
      tally.connectionsOpened = connection.opened();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BrokenBarrierException e) {
      tally.errors.add("start barrier broken");
    }
  }

  private static void waitUntil(long due) throws InterruptedException {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
