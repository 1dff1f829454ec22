package com.sovereignstamp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Unmeasured load before the appliance matrix: every workload (every side, PUT and GET) in turn, in
 * slices, until the server's CPU time per request has settled for each ({@link SteadyState}; the
 * throughput where the server's pid is unknown) — at least the minimum, at most the maximum. A
 * fresh Payara runs the request paths many times slower until the JIT has compiled them, and the
 * appliance's and the baselines' paths are compiled separately.
 */
final class ApplianceWarmup {

  private final ClosedLoopRun load;
  private final int connections;
  private final Duration slice;
  private final Duration min;
  private final Duration max;
  private final boolean serverCpuKnown;

  ApplianceWarmup(ClosedLoopRun load, ApplianceBenchOptions options) {
    this.load = load;
    this.connections = options.warmupConnections();
    this.slice = options.warmupSlice();
    this.min = options.warmupMin();
    this.max = options.warmupMax();
    this.serverCpuKnown = options.serverPid().isPresent();
  }

  WarmupOutcome run(List<Workload> workloads) throws InterruptedException {
    List<double[]> rounds = new ArrayList<>();
    if (max.isZero()) {
      return new WarmupOutcome(Duration.ZERO, rounds, false);
    }
    long started = System.nanoTime();
    while (true) {
      double[] round = new double[workloads.size()];
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < workloads.size(); i++) {
        Workload w = workloads.get(i);
        PointResult p = load.run(w, connections, Duration.ZERO, slice);
        round[i] = WarmupOutcome.settleMetric(p);
        line.append(
            String.format(
                Locale.ROOT,
                "%n  %s %s: %.0f req/s, server CPU %s ms/req, %d errors",
                w.scenario(),
                w.payload(),
                p.throughput(),
                MarkdownReport.bridgeCpuPerRequest(p),
                p.errors().total()));
      }
      rounds.add(round);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      XksBench.progress("warm-up round %d (%ds):%s", rounds.size(), took.toSeconds(), line);
      Optional<WarmupOutcome> outcome = WarmupOutcome.after(rounds, took, min, max);
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
  }

  /** One line for the report's preamble. */
  String describe(WarmupOutcome w) {
    return w.describe(
        slice,
        connections,
        serverCpuKnown ? "the server's CPU time per request" : "the throughput",
        "");
  }
}
