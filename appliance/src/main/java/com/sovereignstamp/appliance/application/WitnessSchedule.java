package com.sovereignstamp.appliance.application;

import com.sovereignstamp.appliance.audit.WitnessSubmitter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the witness rounds on one background thread: the first shortly after start, then one every
 * interval after the previous round ended (a slow witness never makes rounds overlap).
 */
final class WitnessSchedule implements AutoCloseable {
  /** The first round runs this long after start (or after the interval, if that is shorter). */
  static final Duration FIRST_ROUND = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(WitnessSchedule.class.getName());

  private final ScheduledExecutorService executor;

  private WitnessSchedule(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  static WitnessSchedule start(WitnessSubmitter submitter, Duration interval) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "audit-witness");
              t.setDaemon(true);
              return t;
            });
    long first = Math.min(FIRST_ROUND.toMillis(), interval.toMillis());
    executor.scheduleWithFixedDelay(
        () -> round(submitter), first, interval.toMillis(), TimeUnit.MILLISECONDS);
    return new WitnessSchedule(executor);
  }

  /** A round that threw would cancel every later one: nothing leaves this method. */
  private static void round(WitnessSubmitter submitter) {
    try {
      WitnessSubmitter.Result result = submitter.submit();
      LOG.fine(() -> "audit witness round: " + result);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the audit witness round failed unexpectedly", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warning("the audit witness round did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
