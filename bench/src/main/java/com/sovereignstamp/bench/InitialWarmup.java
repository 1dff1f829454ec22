package com.sovereignstamp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Unmeasured load before the matrix. A freshly started bridge runs the XKS path many times slower
 * (15 ms of CPU per request instead of 0.6 on two cores) until the JIT has compiled it, which takes
 * minutes; the driver's JVM needs its own warm-up too.
 */
final class InitialWarmup {

  private final BenchOptions options;
  private final ClosedLoopRun load;

  InitialWarmup(BenchOptions options, ClosedLoopRun load) {
    this.options = options;
    this.load = load;
  }

  /**
   * Runs every workload in turn (each group of workloads, e.g. an XKS decrypt and its baseline, one
   * after the other), unmeasured, until the bridge has settled ({@link SteadyState}) — at least
   * {@code --warmup-min}, at most {@code --warmup-max}. The measure of "settled" is the bridge's
   * CPU time per request where its pid is known (it does not move with other load on the machine),
   * else the throughput. Few connections leave CPU to the JIT compiler threads, which compete with
   * every busy request thread on two cores.
   */
  WarmupOutcome run(List<Workload[]> pairs) throws InterruptedException {
    List<double[]> rounds = new ArrayList<>();
    if (options.warmupMax().isZero()) {
      return new WarmupOutcome(Duration.ZERO, rounds, false);
    }
    long started = System.nanoTime();
    while (true) {
      double[] round = new double[pairs.stream().mapToInt(pair -> pair.length).sum()];
      StringBuilder line = new StringBuilder();
      int i = 0;
      for (Workload[] pair : pairs) {
        for (Workload w : pair) {
          PointResult p =
              load.run(w, options.warmupConnections(), Duration.ZERO, options.warmupSlice());
          round[i++] = WarmupOutcome.settleMetric(p);
          line.append(
              String.format(
                  Locale.ROOT,
                  "%n  %s %s: %.0f req/s, bridge CPU %s ms/req, CPU %s",
                  w.scenario(),
                  w.payload(),
                  p.throughput(),
                  MarkdownReport.bridgeCpuPerRequest(p),
                  MarkdownReport.cpu(p.cpu())));
        }
      }
      rounds.add(round);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      XksBench.progress("warm-up round %d (%ds):%s", rounds.size(), took.toSeconds(), line);
      Optional<WarmupOutcome> outcome =
          WarmupOutcome.after(rounds, took, options.warmupMin(), options.warmupMax());
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
  }

  /** One line for the report's preamble. */
  String describe(WarmupOutcome w) {
    return w.describe(
        options.warmupSlice(),
        options.warmupConnections(),
        options.bridgePid().isPresent() ? "the bridge's CPU time per request" : "the throughput",
        ": the matrix may measure JIT warm-up");
  }
}
