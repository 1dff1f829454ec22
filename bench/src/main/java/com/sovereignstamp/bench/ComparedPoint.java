package com.sovereignstamp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The API and the baseline at one operation and connection count, over every repeat: the ratio is
 * the API's mean throughput over the baseline's, both measured in the same run, alternately.
 *
 * @param operation {@code PUT} or {@code GET}
 * @param connections concurrent connections
 * @param api the API's points, by repeat
 * @param baseline the baseline's points, by repeat
 */
record ComparedPoint(
    String operation, int connections, List<PointResult> api, List<PointResult> baseline) {

  /** Groups the points by operation and connection count, in the order first measured. */
  static List<ComparedPoint> of(List<SidePoint> points) {
    Map<String, List<SidePoint>> groups = new LinkedHashMap<>();
    for (SidePoint p : points) {
      groups
          .computeIfAbsent(p.operation() + " " + p.result().connections(), k -> new ArrayList<>())
          .add(p);
    }
    List<ComparedPoint> out = new ArrayList<>();
    for (List<SidePoint> g : groups.values()) {
      out.add(
          new ComparedPoint(
              g.get(0).operation(),
              g.get(0).result().connections(),
              side(g, DocumentEndpoint.API),
              side(g, DocumentEndpoint.BASELINE)));
    }
    return out;
  }

  private static List<PointResult> side(List<SidePoint> group, String side) {
    return group.stream()
        .filter(p -> p.side().equals(side))
        .sorted(java.util.Comparator.comparingInt(SidePoint::repeat))
        .map(SidePoint::result)
        .toList();
  }

  double apiThroughput() {
    return mean(api, PointResult::throughput);
  }

  double baselineThroughput() {
    return mean(baseline, PointResult::throughput);
  }

  /** API over baseline mean throughput; empty when either side has no successful request. */
  Optional<Double> ratio() {
    double b = baselineThroughput();
    double a = apiThroughput();
    return b > 0 && a > 0 ? Optional.of(a / b) : Optional.empty();
  }

  /** The ratio of each repeat (API over baseline of the same repeat), to show the spread. */
  List<Double> repeatRatios() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(api.size(), baseline.size()); i++) {
      double b = baseline.get(i).throughput();
      out.add(b > 0 ? api.get(i).throughput() / b : 0);
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
