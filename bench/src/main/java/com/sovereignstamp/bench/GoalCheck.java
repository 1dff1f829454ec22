package com.sovereignstamp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Judges the results against the project's goals for the XKS decrypt. */
final class GoalCheck {
  static final String XKS = "xks-decrypt";
  static final String BASELINE = "baseline";
  static final int GOAL_CONNECTIONS = 16;
  static final double MIN_THROUGHPUT = 1800;
  static final double MIN_RATIO = 0.6;
  static final double MAX_P99_MILLIS = 50;

  private GoalCheck() {}

  static List<Goal> evaluate(List<PointResult> points, Optional<OpenLoopResult> openLoop) {
    List<Goal> goals = new ArrayList<>();
    goals.add(throughput(points));
    goals.add(ratio(points));
    goals.add(p99(points, openLoop));
    goals.add(deadline(openLoop));
    return goals;
  }

  /** XKS throughput divided by the baseline's at the same payload and connections. */
  static Optional<Double> ratio(List<PointResult> points, PointResult xks) {
    return points.stream()
        .filter(p -> p.scenario().equals(BASELINE))
        .filter(p -> p.payload().equals(xks.payload()) && p.connections() == xks.connections())
        .findFirst()
        .filter(b -> b.throughput() > 0)
        .map(b -> xks.throughput() / b.throughput());
  }

  private static Goal throughput(List<PointResult> points) {
    String goal =
        String.format(
            Locale.ROOT,
            "≥ %,.0f XKS decrypts/s at %d connections",
            MIN_THROUGHPUT,
            GOAL_CONNECTIONS);
    List<String> measured = new ArrayList<>();
    boolean met = true;
    boolean any = false;
    for (PointResult p : xks(points)) {
      if (p.connections() == GOAL_CONNECTIONS) {
        any = true;
        met &= p.throughput() >= MIN_THROUGHPUT && p.errors().total() == 0;
        measured.add(
            String.format(
                Locale.ROOT,
                "%s: %,.0f/s%s",
                p.payload(),
                p.throughput(),
                p.errors().total() == 0 ? "" : " (" + p.errors().total() + " errors)"));
      }
    }
    return new Goal(goal, any ? String.join("; ", measured) : "not measured", any && met);
  }

  private static Goal ratio(List<PointResult> points) {
    String goal = String.format(Locale.ROOT, "XKS ≥ %.1f× the baseline endpoint", MIN_RATIO);
    List<String> measured = new ArrayList<>();
    boolean met = true;
    boolean any = false;
    for (PointResult p : xks(points)) {
      Optional<Double> r = ratio(points, p);
      if (r.isPresent()) {
        any = true;
        met &= r.get() >= MIN_RATIO;
        measured.add(
            String.format(Locale.ROOT, "%s×%d: %.2f", p.payload(), p.connections(), r.get()));
      }
    }
    return new Goal(goal, any ? String.join("; ", measured) : "not measured", any && met);
  }

  private static Goal p99(List<PointResult> points, Optional<OpenLoopResult> openLoop) {
    String goal = String.format(Locale.ROOT, "XKS p99 ≤ %.0f ms", MAX_P99_MILLIS);
    double worst = -1;
    String where = "";
    for (PointResult p : xks(points)) {
      double ms = p.latency().p99() / 1e6;
      if (ms > worst) {
        worst = ms;
        where = p.payload() + "×" + p.connections();
      }
    }
    if (openLoop.isPresent() && openLoop.get().latency().p99() / 1e6 > worst) {
      worst = openLoop.get().latency().p99() / 1e6;
      where = "open loop at " + openLoop.get().ratePerSecond() + "/s";
    }
    if (worst < 0) {
      return new Goal(goal, "not measured", false);
    }
    return new Goal(
        goal,
        String.format(Locale.ROOT, "worst p99 %.2f ms (%s)", worst, where),
        worst <= MAX_P99_MILLIS);
  }

  private static Goal deadline(Optional<OpenLoopResult> openLoop) {
    if (openLoop.isEmpty()) {
      return new Goal("no XKS request over the deadline at a fixed rate", "not measured", false);
    }
    OpenLoopResult o = openLoop.get();
    LatencySummary l = o.latency();
    String goal =
        String.format(
            Locale.ROOT,
            "no XKS request over %d ms at %,d requests/s",
            l.limitNanos() / 1_000_000,
            o.ratePerSecond());
    String measured =
        String.format(
            Locale.ROOT,
            "%d of %d over %d ms, max %.2f ms, %d errors",
            l.overLimit(),
            o.scheduled(),
            l.limitNanos() / 1_000_000,
            l.max() / 1e6,
            o.errors().total());
    return new Goal(goal, measured, l.overLimit() == 0 && o.errors().total() == 0);
  }

  private static List<PointResult> xks(List<PointResult> points) {
    return points.stream().filter(p -> p.scenario().equals(XKS)).toList();
  }
}
