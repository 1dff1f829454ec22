package com.sovereignstamp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One side against a baseline side at one operation and connection count, over every repeat: the
 * ratio is the side's mean throughput over the baseline's, both measured in the same run, in turn.
 * The side is usually the API ({@link DocumentEndpoint#API}) and the baseline the bare or the
 * token-checked one; the token-checked baseline over the bare one tells what the token check alone
 * costs.
 *
 * @param operation {@code PUT} or {@code GET}
 * @param connections concurrent connections
 * @param side the name of the side over the baseline (the ratio's numerator)
 * @param baselineSide the name of the baseline (the ratio's denominator)
 * @param sidePoints the side's points, by repeat
 * @param baselinePoints the baseline's points, by repeat
 */
record ComparedPoint(
    String operation,
    int connections,
    String side,
    String baselineSide,
    List<PointResult> sidePoints,
    List<PointResult> baselinePoints) {

  /**
   * Groups the points by operation and connection count, in the order first measured, and pairs
   * {@code side} with {@code baselineSide} in each group; the other sides' points are left out.
   */
  static List<ComparedPoint> of(List<SidePoint> points, String side, String baselineSide) {
    Map<String, List<SidePoint>> groups = new LinkedHashMap<>();
    for (SidePoint p : points) {
      if (p.side().equals(side) || p.side().equals(baselineSide)) {
        groups
            .computeIfAbsent(p.operation() + " " + p.result().connections(), k -> new ArrayList<>())
            .add(p);
      }
    }
    List<ComparedPoint> out = new ArrayList<>();
    for (List<SidePoint> g : groups.values()) {
      out.add(
          new ComparedPoint(
              g.get(0).operation(),
              g.get(0).result().connections(),
              side,
              baselineSide,
              pointsOf(g, side),
              pointsOf(g, baselineSide)));
    }
    return out;
  }

  private static List<PointResult> pointsOf(List<SidePoint> group, String side) {
    return group.stream()
        .filter(p -> p.side().equals(side))
        .sorted(java.util.Comparator.comparingInt(SidePoint::repeat))
        .map(SidePoint::result)
        .toList();
  }

  double sideThroughput() {
    return mean(sidePoints, PointResult::throughput);
  }

  double baselineThroughput() {
    return mean(baselinePoints, PointResult::throughput);
  }

  /** Side over baseline mean throughput; empty when either has no successful request. */
  Optional<Double> ratio() {
    double b = baselineThroughput();
    double a = sideThroughput();
    return b > 0 && a > 0 ? Optional.of(a / b) : Optional.empty();
  }

  /** The ratio of each repeat (side over baseline of the same repeat), to show the spread. */
  List<Double> repeatRatios() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(sidePoints.size(), baselinePoints.size()); i++) {
      double b = baselinePoints.get(i).throughput();
      out.add(b > 0 ? sidePoints.get(i).throughput() / b : 0);
    }
    return out;
  }

  /** Mean over the repeats of each point's value. */
  static double mean(List<PointResult> points, ToDoubleFunction<PointResult> value) {
    return points.stream().mapToDouble(value).average().orElse(0);
  }

  /** Server CPU milliseconds per successful request, mean over the repeats; empty if unknown. */
  static Optional<Double> serverCpuPerRequest(List<PointResult> points) {
    double sum = 0;
    for (PointResult p : points) {
      if (p.cpu().isEmpty() || p.cpu().get().bridge() < 0 || p.ok() == 0) {
        return Optional.empty();
      }
      sum += p.cpu().get().bridge() * 1e3 / p.throughput();
    }
    return points.isEmpty() ? Optional.empty() : Optional.of(sum / points.size());
  }
}
