package com.sovereignstamp.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders the results as Markdown: the matrix, the open-loop run, errors, goals. */
final class MarkdownReport {
  private MarkdownReport() {}

  /**
   * @param preamble lines describing the run (when, where, settings), each rendered as a bullet
   * @param bridgeCounters the bridge's own counters after the run, verbatim; may be empty
   */
  static String render(
      String title,
      List<String> preamble,
      List<PointResult> points,
      Optional<OpenLoopResult> openLoop,
      List<Goal> goals,
      List<String> bridgeCounters) {
    StringBuilder md = new StringBuilder(4096);
    md.append("# ").append(title).append("\n\n");
    preamble.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append('\n');
    matrix(md, points);
    openLoop.ifPresent(o -> openLoop(md, o));
    errors(md, points, openLoop);
    goals(md, goals);
    if (!bridgeCounters.isEmpty()) {
      md.append("\n## Bridge-side counters after the run\n\n```\n");
      bridgeCounters.forEach(line -> md.append(line).append('\n'));
      md.append("```\n");
    }
    return md.toString();
  }

  static void matrix(StringBuilder md, List<PointResult> points) {
    md.append("## Closed loop\n\n");
    md.append(
        "| Scenario | Payload | Connections | Requests (ok) | Errors | Throughput (req/s)"
            + " | p50 (ms) | p99 (ms) | Max (ms) | XKS/baseline | CPU driver/bridge/else"
            + " | Bridge CPU ms/req |\n");
    md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (PointResult p : points) {
      String ratio =
          p.scenario().equals(GoalCheck.XKS)
              ? GoalCheck.ratio(points, p).map(r -> f("%.2f", r)).orElse("–")
              : "–";
      md.append(
          f(
              "| %s | %s | %d | %d | %d | %.0f | %s | %s | %s | %s | %s | %s |\n",
              p.scenario(),
              p.payload(),
              p.connections(),
              p.ok(),
              p.errors().total(),
              p.throughput(),
              ms(p.latency().p50()),
              ms(p.latency().p99()),
              ms(p.latency().max()),
              ratio,
              cpu(p.cpu()),
              bridgeCpuPerRequest(p)));
    }
  }

  static void openLoop(StringBuilder md, OpenLoopResult o) {
    LatencySummary l = o.latency();
    md.append("\n## Open loop (fixed rate; latency from the scheduled send time)\n\n");
    md.append(
        f(
            "| Scenario | Payload | Connections | Target (req/s) | Achieved (req/s) | Scheduled"
                + " | OK | Errors | p50 (ms) | p99 (ms) | p99.9 (ms) | Max (ms) | > %d ms"
                + " | CPU driver/bridge/else |\n",
            l.limitNanos() / 1_000_000));
    md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    md.append(
        f(
            "| %s | %s | %d | %d | %.0f | %d | %d | %d | %s | %s | %s | %s | %d | %s |\n",
            o.scenario(),
            o.payload(),
            o.connections(),
            o.ratePerSecond(),
            o.achievedRate(),
            o.scheduled(),
            o.ok(),
            o.errors().total(),
            ms(l.p50()),
            ms(l.p99()),
            ms(l.p999()),
            ms(l.max()),
            l.overLimit(),
            cpu(o.cpu())));
  }

  private static void errors(
      StringBuilder md, List<PointResult> points, Optional<OpenLoopResult> openLoop) {
    StringBuilder list = new StringBuilder();
    for (PointResult p : points) {
      if (p.errors().total() > 0) {
        list.append(f("- %s %s × %d connections: ", p.scenario(), p.payload(), p.connections()));
        list.append(p.errors().describe()).append('\n');
      }
      if (p.connectionsOpened() > p.connections()) {
        list.append(
            f(
                "- %s %s × %d connections: %d connections reopened\n",
                p.scenario(),
                p.payload(),
                p.connections(),
                p.connectionsOpened() - p.connections()));
      }
    }
    openLoop
        .filter(o -> o.errors().total() > 0)
        .ifPresent(o -> list.append("- open loop: ").append(o.errors().describe()).append('\n'));
    md.append("\n## Errors\n\n");
    md.append(
        list.length() == 0 ? "None: every request got 200 with the right plaintext.\n" : list);
  }

  private static void goals(StringBuilder md, List<Goal> goals) {
    md.append("\n## Goals\n\n| Goal | Measured | Met |\n|---|---|---|\n");
    for (Goal g : goals) {
      md.append(f("| %s | %s | %s |\n", g.goal(), g.measured(), g.met() ? "yes" : "**no**"));
    }
  }

  static String cpu(Optional<CpuUsage> usage) {
    return usage
        .map(
            u ->
                f(
                    "%.2f / %s / %.2f",
                    u.driver(), u.bridge() < 0 ? "?" : f("%.2f", u.bridge()), u.other()))
        .orElse("–");
  }

  /** Bridge CPU time per successful request: robust to other load, unlike the throughput. */
  static String bridgeCpuPerRequest(PointResult p) {
    return p.cpu()
        .filter(u -> u.bridge() >= 0 && p.ok() > 0)
        .map(u -> f("%.2f", u.bridge() * 1e3 / p.throughput()))
        .orElse("–");
  }

  static String ms(long nanos) {
    return f("%.2f", nanos / 1e6);
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
