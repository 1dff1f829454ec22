package com.sovereignstamp.bench;

import com.sovereignstamp.bench.XksAuditBench.AuditPoint;
import com.sovereignstamp.bench.XksAuditBench.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Renders the audit on/off comparison as Markdown: ratios, every point, errors, counters. */
final class AuditReport {
  static final double MIN_RATIO = 0.8;
  static final String REQUESTS = "xks_requests_total{";
  static final String AUDIT_FAILURES = "bridge_audit_failures_total";

  private AuditReport() {}

  /** The metrics lines the report keeps: XKS requests, HSM errors, audit failures. */
  static boolean isAuditCounter(String line) {
    return line.startsWith(REQUESTS)
        || line.startsWith("hsm_errors_total{")
        || line.startsWith(AUDIT_FAILURES + " ");
  }

  static String render(
      List<String> preamble,
      List<Variant> variants,
      List<AuditPoint> points,
      Map<String, List<String>> counters) {
    StringBuilder md = new StringBuilder(8192);
    md.append("# XKS decrypt with the audit trail on and off\n\n");
    preamble.forEach(
        line -> md.append(line.startsWith("  ") ? "  - " : "- ").append(line.strip()).append('\n'));
    List<Goal> goals = new ArrayList<>();
    ratios(md, variants, points, goals);
    details(md, points);
    errors(md, points);
    counters(md, variants, counters, goals);
    md.append("\n## Goals\n\n| Goal | Measured | Met |\n|---|---|---|\n");
    for (Goal g : goals) {
      md.append(f("| %s | %s | %s |\n", g.goal(), g.measured(), g.met() ? "yes" : "**no**"));
    }
    return md.toString();
  }

  private static void ratios(
      StringBuilder md, List<Variant> variants, List<AuditPoint> points, List<Goal> goals) {
    List<Variant> audited = variants.stream().filter(Variant::audited).toList();
    md.append("\n## Throughput, audited / unaudited\n\n");
    md.append(
        "Throughput over all repeats of a point (successful requests / measured time); the ratio"
            + " divides an audited bridge's by the unaudited bridge's at the same payload and"
            + " connections, with the ratio of each repeat in brackets. Bridge CPU: the bridge's"
            + " CPU time per request.\n\n");
    StringBuilder head = new StringBuilder("| Payload | Connections | off (req/s) |");
    StringBuilder rule = new StringBuilder("|---|--:|--:|");
    for (Variant v : audited) {
      head.append(f(" %s (req/s) | %s / off | %s p99 (ms) |", v.name(), v.name(), v.name()));
      rule.append("--:|--:|--:|");
    }
    head.append(" bridge CPU ms/req: off");
    audited.forEach(v -> head.append(" / ").append(v.name()));
    head.append(" |\n");
    rule.append("--:|\n");
    md.append(head).append(rule);
    double[] worst = new double[audited.size()];
    String[] worstWhere = new String[audited.size()];
    java.util.Arrays.fill(worst, Double.MAX_VALUE);
    for (String[] key : pointKeys(points)) {
      List<PointResult> off = select(points, XksAuditBench.BASELINE_VARIANT, key);
      double offRate = throughput(off);
      md.append(f("| %s | %s | %.0f |", key[0], key[1], offRate));
      StringBuilder cpu = new StringBuilder(cpuPerRequest(off));
      for (int i = 0; i < audited.size(); i++) {
        List<PointResult> on = select(points, audited.get(i).name(), key);
        double ratio = offRate > 0 ? throughput(on) / offRate : 0;
        if (ratio < worst[i]) {
          worst[i] = ratio;
          worstWhere[i] = key[0] + "×" + key[1];
        }
        List<String> perRepeat = new ArrayList<>();
        for (int r = 0; r < Math.min(on.size(), off.size()); r++) {
          double o = off.get(r).throughput();
          perRepeat.add(o > 0 ? f("%.2f", on.get(r).throughput() / o) : "–");
        }
        long worstP99 = on.stream().mapToLong(p -> p.latency().p99()).max().orElse(0);
        md.append(
            f(
                " %.0f | **%.2f** (%s) | %s |",
                throughput(on), ratio, String.join(", ", perRepeat), MarkdownReport.ms(worstP99)));
        cpu.append(" / ").append(cpuPerRequest(on));
      }
      md.append(' ').append(cpu).append(" |\n");
    }
    md.append(
        "\np99: the worst of the repeats. A bridge's CPU per request is robust to other load on"
            + " the machine; the difference between off and an audited bridge is what recording"
            + " costs the bridge's CPU.\n");
    for (int i = 0; i < audited.size(); i++) {
      boolean any = worst[i] != Double.MAX_VALUE;
      goals.add(
          new Goal(
              f("`%s` ≥ %.1f× `off` at every point", audited.get(i).name(), MIN_RATIO),
              any ? f("lowest %.2f (%s)", worst[i], worstWhere[i]) : "not measured",
              any && worst[i] >= MIN_RATIO));
    }
  }

  private static void details(StringBuilder md, List<AuditPoint> points) {
    md.append("\n## Every measured point, in the order measured\n\n");
    md.append(
        "| # | Repeat | Bridge | Payload | Connections | Requests (ok) | Errors | Throughput"
            + " (req/s) | p50 (ms) | p99 (ms) | Max (ms) | CPU driver/bridge/else | Bridge CPU"
            + " ms/req |\n");
    md.append("|--:|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    int n = 0;
    for (AuditPoint a : points) {
      PointResult p = a.result();
      md.append(
          f(
              "| %d | %d | %s | %s | %d | %d | %d | %.0f | %s | %s | %s | %s | %s |\n",
              ++n,
              a.repeat(),
              a.variant(),
              p.payload(),
              p.connections(),
              p.ok(),
              p.errors().total(),
              p.throughput(),
              MarkdownReport.ms(p.latency().p50()),
              MarkdownReport.ms(p.latency().p99()),
              MarkdownReport.ms(p.latency().max()),
              MarkdownReport.cpu(p.cpu()),
              MarkdownReport.bridgeCpuPerRequest(p)));
    }
  }

  private static void errors(StringBuilder md, List<AuditPoint> points) {
    md.append("\n## Errors\n\n");
    int before = md.length();
    for (AuditPoint a : points) {
      PointResult p = a.result();
      if (p.errors().total() > 0) {
        md.append(
            f(
                "- repeat %d, %s, %s × %d: %s\n",
                a.repeat(), a.variant(), p.payload(), p.connections(), p.errors().describe()));
      }
    }
    if (md.length() == before) {
      md.append("None: every request got 200 with the right plaintext.\n");
    }
  }

  private static void counters(
      StringBuilder md,
      List<Variant> variants,
      Map<String, List<String>> counters,
      List<Goal> goals) {
    md.append("\n## Bridge-side counters after the run\n\n");
    md.append(
        "Scraped from each bridge's `/bridge/metrics` after its last point. An audited bridge"
            + " answers an XKS call only once its entry is durable; a call it could not record is"
            + " refused and counted in `bridge_audit_failures_total`.\n\n");
    md.append(
        "| Bridge | XKS requests answered (`xks_requests_total`, all) | of them decrypt ok |"
            + " `bridge_audit_failures_total` |\n|---|--:|--:|--:|\n");
    for (Variant v : variants) {
      List<String> lines = counters.getOrDefault(v.name(), List.of());
      long all = sum(lines, l -> l.startsWith(REQUESTS));
      long decryptOk =
          sum(lines, l -> l.startsWith(REQUESTS + "operation=\"decrypt\",outcome=\"ok\"}"));
      OptionalLong failures = value(lines, AUDIT_FAILURES + " ");
      md.append(
          f(
              "| %s | %,d | %,d | %s |\n",
              v.name(),
              all,
              decryptOk,
              failures.isPresent() ? Long.toString(failures.getAsLong()) : "not reported"));
      if (v.audited()) {
        goals.add(
            new Goal(
                f("`%s`: every XKS call recorded (no audit failure)", v.name()),
                f(
                    "%,d XKS requests answered, bridge_audit_failures_total %s",
                    all, failures.isPresent() ? Long.toString(failures.getAsLong()) : "missing"),
                all > 0 && failures.isPresent() && failures.getAsLong() == 0));
      }
    }
    md.append("\n```\n");
    counters.forEach(
        (name, lines) -> lines.forEach(l -> md.append(name).append(": ").append(l).append('\n')));
    md.append("```\n");
  }

  /** Distinct (payload, connections) in the order first measured. */
  private static List<String[]> pointKeys(List<AuditPoint> points) {
    List<String[]> keys = new ArrayList<>();
    for (AuditPoint a : points) {
      String[] k = {a.result().payload(), Integer.toString(a.result().connections())};
      if (keys.stream().noneMatch(x -> x[0].equals(k[0]) && x[1].equals(k[1]))) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static List<PointResult> select(List<AuditPoint> points, String variant, String[] key) {
    return points.stream()
        .filter(a -> a.variant().equals(variant))
        .map(AuditPoint::result)
        .filter(p -> p.payload().equals(key[0]) && Integer.toString(p.connections()).equals(key[1]))
        .toList();
  }

  private static double throughput(List<PointResult> repeats) {
    long ok = repeats.stream().mapToLong(PointResult::ok).sum();
    long nanos = repeats.stream().mapToLong(PointResult::windowNanos).sum();
    return nanos > 0 ? ok * 1e9 / nanos : 0;
  }

  /** Bridge CPU ms per request over all repeats, where known. */
  private static String cpuPerRequest(List<PointResult> repeats) {
    double cpuSeconds = 0;
    long ok = 0;
    for (PointResult p : repeats) {
      OptionalDouble cores =
          p.cpu()
              .filter(u -> u.bridge() >= 0)
              .map(u -> OptionalDouble.of(u.bridge()))
              .orElse(OptionalDouble.empty());
      if (cores.isEmpty()) {
        return "–";
      }
      cpuSeconds += cores.getAsDouble() * p.windowNanos() / 1e9;
      ok += p.ok();
    }
    return ok > 0 ? f("%.2f", cpuSeconds * 1e3 / ok) : "–";
  }

  /** Sum of the values of the sample lines {@code which} keeps. */
  static long sum(List<String> lines, java.util.function.Predicate<String> which) {
    return lines.stream()
        .filter(which)
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static OptionalLong value(List<String> lines, String prefix) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(prefix.length()).strip()))
        .findFirst();
  }

  private static String f(String format, Object... args) {
    return MarkdownReport.f(format, args);
  }
}
