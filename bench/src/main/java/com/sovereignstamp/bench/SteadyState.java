package com.sovereignstamp.bench;

import java.util.List;

/**
 * Decides when the warm-up is over: a freshly started bridge (Payara, with the JIT compiling the
 * XKS path for minutes on two cores) and the driver's own JVM get faster round after round, and
 * measuring before they stop would report the compiler, not the bridge. A round runs every workload
 * once and yields one figure per workload (its throughput, or the bridge's CPU time per request).
 * Single short rounds are noisy, so pairs are compared: the load is steady when, for every
 * workload, the mean of the last two rounds lies within the tolerance of the mean of the two rounds
 * before.
 */
final class SteadyState {
  static final int WINDOW = 2;

  private SteadyState() {}

  /**
   * @param rounds per round, one positive figure per workload (same order every round)
   * @param tolerance the largest relative change still counted as steady, e.g. 0.08
   */
  static boolean reached(List<double[]> rounds, double tolerance) {
    int n = rounds.size();
    if (n < 2 * WINDOW) {
      return false;
    }
    for (int w = 0; w < rounds.get(n - 1).length; w++) {
      double recent = mean(rounds.subList(n - WINDOW, n), w);
      double before = mean(rounds.subList(n - 2 * WINDOW, n - WINDOW), w);
      double larger = Math.max(recent, before);
      if (larger <= 0 || Math.abs(recent - before) / larger > tolerance) {
        return false;
      }
    }
    return true;
  }

  private static double mean(List<double[]> rounds, int workload) {
    double sum = 0;
    for (double[] r : rounds) {
      if (r[workload] <= 0) {
        return 0;
      }
      sum += r[workload];
    }
    return sum / rounds.size();
  }
}
