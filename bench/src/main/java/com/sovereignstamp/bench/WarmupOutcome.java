package com.sovereignstamp.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the initial warm-up ended.
 *
 * @param took the time it ran
 * @param rounds the throughput of each workload per round
 * @param steady whether the throughput had settled ({@link SteadyState}) or the time ran out
 */
record WarmupOutcome(Duration took, List<double[]> rounds, boolean steady) {
  /** How close successive rounds must be to count as settled (fraction of the value). */
  static final double STEADY_TOLERANCE = 0.08;

  /**
   * The outcome once the rounds so far have settled and the minimum time has passed, or the maximum
   * time has; empty while the warm-up goes on.
   */
  static Optional<WarmupOutcome> after(
      List<double[]> rounds, Duration took, Duration min, Duration max) {
    if (SteadyState.reached(rounds, STEADY_TOLERANCE) && took.compareTo(min) >= 0) {
      return Optional.of(new WarmupOutcome(took, rounds, true));
    }
    if (took.compareTo(max) >= 0) {
      return Optional.of(new WarmupOutcome(took, rounds, false));
    }
    return Optional.empty();
  }

  /**
   * One line for a report's preamble.
   *
   * @param measure what had to settle, e.g. "the throughput"
   * @param unsettled what follows "had NOT settled when the time ran out" (may be empty)
   */
  String describe(Duration slice, int connections, String measure, String unsettled) {
    if (rounds.isEmpty()) {
      return "No initial warm-up (--warmup-max 0): early points may measure the JIT";
    }
    return String.format(
        Locale.ROOT,
        "Initial warm-up (unmeasured): %d rounds of %s per workload at %d connections, %ds in"
            + " all; %s",
        rounds.size(),
        slice,
        connections,
        took.toSeconds(),
        steady
            ? String.format(
                Locale.ROOT,
                "%s had settled (for every workload, the mean of the last two rounds within %.0f%%"
                    + " of the two before)",
                measure,
                STEADY_TOLERANCE * 100)
            : "**" + measure + " had NOT settled when the time ran out" + unsettled + "**");
  }

  /** Bridge or server CPU ms per request when known, else throughput: either settles when warm. */
  static double settleMetric(PointResult p) {
    return p.cpu()
        .filter(u -> u.bridge() >= 0 && p.ok() > 0)
        .map(u -> u.bridge() * 1e3 / p.throughput())
        .orElse(p.throughput());
  }
}
