package com.sovereignstamp.bench;

import static com.sovereignstamp.bench.MarkdownReport.f;
import static com.sovereignstamp.bench.MarkdownReport.ms;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The appliance benchmark's Markdown report: ratios first (the API over each baseline measured, and
 * the token-checked baseline over the bare one when both were), every point after, then the goals.
 */
final class ApplianceReport {
  /** The goal for small documents, API over the bare endpoint (DEK cached). */
  static final double GOAL_RATIO = 0.85;

  private ApplianceReport() {}

  static String render(ApplianceRun run) {
    StringBuilder md = new StringBuilder(8192);
    md.append("# Appliance benchmark: document API vs bare JAX-RS + JPA\n\n");
    run.preamble().forEach(line -> md.append("- ").append(line).append('\n'));
    for (Comparison c : comparisons(run)) {
      ratios(md, run, c);
    }
    keyCache(md, run);
    large(md, run);
    points(md, run.points());
    errors(md, run);
    goals(md, goals(run));
    if (measured(run, DocumentEndpoint.BASELINE_TOKEN)) {
      md.append(
          "\nThe issue's goal is against the bare endpoint; the rows against the endpoint with the"
              + " same token check compare the API with a baseline that pays for the same"
              + " authentication.\n");
    }
    return md.toString();
  }

  /**
   * One ratio table: {@code side} over {@code baselineSide}.
   *
   * @param title what the table compares, for its heading
   * @param note a sentence under the heading naming the denominator
   */
  record Comparison(String side, String baselineSide, String title, String note) {}

  /**
   * The ratio tables of the sides the run measured: the API over the bare baseline (the issue's
   * yardstick), the API over the token-checked baseline, and the token-checked baseline over the
   * bare one (what the token check alone costs).
   */
  static List<Comparison> comparisons(ApplianceRun run) {
    boolean bare = measured(run, DocumentEndpoint.BASELINE);
    boolean token = measured(run, DocumentEndpoint.BASELINE_TOKEN);
    List<Comparison> out = new ArrayList<>();
    if (bare) {
      out.add(
          new Comparison(
              DocumentEndpoint.API,
              DocumentEndpoint.BASELINE,
              "API / bare baseline",
              "The denominator is the bare endpoint (`/baseline/documents/{id}`, no token): the"
                  + " issue's yardstick."));
    }
    if (token) {
      out.add(
          new Comparison(
              DocumentEndpoint.API,
              DocumentEndpoint.BASELINE_TOKEN,
              "API / token-checked baseline",
              "The denominator is the same baseline store behind the same bearer-token check as"
                  + " the API (`/baseline/authenticated/documents/{id}`, MicroProfile JWT, role"
                  + " user, the same token)."));
    }
    if (bare && token) {
      out.add(
          new Comparison(
              DocumentEndpoint.BASELINE_TOKEN,
              DocumentEndpoint.BASELINE,
              "token-checked / bare baseline, what the token check alone costs",
              "The same baseline store with and without the bearer-token check: what the check"
                  + " alone costs the bare endpoint."));
    }
    return out;
  }

  /** Whether the run measured any closed-loop point of the side. */
  static boolean measured(ApplianceRun run, String side) {
    return run.points().stream().anyMatch(p -> p.side().equals(side));
  }

  /** How the report names a side in its tables. */
  static String label(String side) {
    return switch (side) {
      case DocumentEndpoint.API -> "API";
      case DocumentEndpoint.BASELINE -> "bare baseline";
      case DocumentEndpoint.BASELINE_TOKEN -> "token-checked baseline";
      default -> side;
    };
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static void ratios(StringBuilder md, ApplianceRun run, Comparison comparison) {
    String a = label(comparison.side());
    String b = label(comparison.baselineSide());
    md.append(
        f(
            "\n## Small documents, closed loop: %s (means over the repeats)\n\n%s\n\n",
            comparison.title(), comparison.note()));
    md.append(
        f(
            "| Operation | Connections | %s req/s | %s req/s | **%s / %s** (each repeat)"
                + " | %s p50 / p99 (ms) | %s p50 / p99 (ms)"
                + " | Server CPU ms/req %s / %s | New DB sessions per request %s / %s |\n",
            capitalized(a),
            capitalized(b),
            capitalized(a),
            b,
            capitalized(a),
            capitalized(b),
            a,
            b,
            a,
            b));
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (ComparedPoint c :
        ComparedPoint.of(run.points(), comparison.side(), comparison.baselineSide())) {
      md.append(
          f(
              "| %s %s | %d | %.0f | %.0f | **%s** (%s) | %s / %s | %s / %s | %s / %s | %s / %s |\n",
              c.operation(),
              payload(c),
              c.connections(),
              c.sideThroughput(),
              c.baselineThroughput(),
              c.ratio().map(r -> f("%.2f", r)).orElse("–"),
              c.repeatRatios().stream().map(r -> f("%.2f", r)).collect(Collectors.joining(", ")),
              meanMs(c.sidePoints(), true),
              meanMs(c.sidePoints(), false),
              meanMs(c.baselinePoints(), true),
              meanMs(c.baselinePoints(), false),
              ComparedPoint.serverCpuPerRequest(c.sidePoints()).map(v -> f("%.2f", v)).orElse("–"),
              ComparedPoint.serverCpuPerRequest(c.baselinePoints())
                  .map(v -> f("%.2f", v))
                  .orElse("–"),
              sessionsPerRequest(run, c, c.side()),
              sessionsPerRequest(run, c, c.baselineSide())));
    }
  }

  /** Mean over the repeats of the side's new database sessions per request, or a dash. */
  static String sessionsPerRequest(ApplianceRun run, ComparedPoint c, String side) {
    long warmup = run.pointWarmup().toNanos();
    java.util.OptionalDouble mean =
        run.points().stream()
            .filter(
                p ->
                    p.side().equals(side)
                        && p.operation().equals(c.operation())
                        && p.result().connections() == c.connections())
            .map(p -> p.sessionsPerRequest(warmup))
            .filter(java.util.OptionalDouble::isPresent)
            .mapToDouble(java.util.OptionalDouble::getAsDouble)
            .average();
    return mean.isPresent() ? f("%.2f", mean.getAsDouble()) : "–";
  }

  private static String payload(ComparedPoint c) {
    List<PointResult> any = c.sidePoints().isEmpty() ? c.baselinePoints() : c.sidePoints();
    return any.isEmpty() ? "" : any.get(0).payload();
  }

  private static String meanMs(List<PointResult> points, boolean p50) {
    return ms((long) ComparedPoint.mean(points, p -> p50 ? p.latency().p50() : p.latency().p99()));
  }

  private static void keyCache(StringBuilder md, ApplianceRun run) {
    ApplianceStatus b = run.beforeMatrix();
    ApplianceStatus a = run.afterMatrix();
    md.append("\n## The key cache and the audit log (`GET /api/v1/status`)\n\n");
    md.append("| When | keys.cached | keys.unwraps | audit.entries |\n|---|--:|--:|--:|\n");
    md.append(
        f("| before the matrix | %d | %d | %d |\n", b.cached(), b.unwraps(), b.auditEntries()));
    md.append(
        f("| after the matrix | %d | %d | %d |\n", a.cached(), a.unwraps(), a.auditEntries()));
    run.afterLarge()
        .ifPresent(
            l ->
                md.append(
                    f(
                        "| after the large transfers | %d | %d | %d |\n",
                        l.cached(), l.unwraps(), l.auditEntries())));
    md.append(
        f(
            "\n%d unwraps at the bridge during the %d s matrix (keys.softTtl %s: a cached key used"
                + " after it is refreshed once in the background, the request served from the"
                + " cache); %d audit entries added.\n",
            a.unwraps() - b.unwraps(),
            run.matrixSeconds(),
            b.softTtl(),
            a.auditEntries() - b.auditEntries()));
  }

  /** At most one background refresh per cached key and soft TTL begun during the matrix. */
  static long allowedRefreshes(ApplianceStatus before, long seconds) {
    long ttl;
    try {
      ttl = Math.max(1, Duration.parse(before.softTtl()).toSeconds());
    } catch (DateTimeParseException e) {
      ttl = 60;
    }
    return Math.max(1, before.cached()) * (seconds / ttl + 1);
  }

  private static void large(StringBuilder md, ApplianceRun run) {
    if (run.large().isEmpty()) {
      return;
    }
    String baseline =
        run.large().stream().anyMatch(r -> r.side().equals(DocumentEndpoint.BASELINE))
            ? DocumentEndpoint.BASELINE
            : DocumentEndpoint.BASELINE_TOKEN;
    String b = label(baseline);
    md.append(
        f("\n## %s upload and download, one connection\n\n", ByteSize.describe(run.largeSize())));
    md.append(
        f(
            "| Direction | API time (s) | %s time (s) | **API / %s time** | API MB/s | %s MB/s"
                + " | Server RSS peak API / %s (MiB) | Verified |\n",
            capitalized(b), b, capitalized(b), b));
    md.append("|---|--:|--:|--:|--:|--:|--:|---|\n");
    for (String direction : List.of("upload", "download")) {
      List<LargeTransfer.Result> api = large(run, DocumentEndpoint.API, direction);
      List<LargeTransfer.Result> base = large(run, baseline, direction);
      double apiS = api.stream().mapToDouble(LargeTransfer.Result::seconds).average().orElse(0);
      double baseS = base.stream().mapToDouble(LargeTransfer.Result::seconds).average().orElse(0);
      boolean verified =
          !api.isEmpty()
              && !base.isEmpty()
              && api.stream().allMatch(LargeTransfer.Result::verified)
              && base.stream().allMatch(LargeTransfer.Result::verified);
      md.append(
          f(
              "| %s | %s | %s | **%s** | %s | %s | %s / %s | %s |\n",
              direction,
              times(api),
              times(base),
              baseS > 0 ? f("%.2f", apiS / baseS) : "–",
              mbps(api),
              mbps(base),
              peakMib(api),
              peakMib(base),
              verified
                  ? ("download".equals(direction) ? "SHA-256 equal" : "stored (200/201)")
                  : "**no**"));
    }
    md.append(
        "\nTimes per transfer in the order made; a download is verified by the SHA-256 of every"
            + " byte received against the uploaded content's. RSS: the Payara process's resident"
            + " set, sampled every 50 ms (the JVM does not give heap back, so later transfers start"
            + " from earlier peaks).\n\n");
    md.append(
        "| # | Direction | Side | Time (s) | MB/s | Status | Server RSS start → peak (MiB) |\n");
    md.append("|--:|---|---|--:|--:|--:|--:|\n");
    int i = 1;
    for (LargeTransfer.Result r : run.large()) {
      md.append(
          f(
              "| %d | %s | %s | %.2f | %.0f | %d%s | %s |\n",
              i++,
              r.direction(),
              r.side(),
              r.seconds(),
              r.megabytesPerSecond(),
              r.status(),
              r.verified() ? "" : " (**not verified**)",
              r.rss().known()
                  ? f("%d → %d", r.rss().startKib() / 1024, r.rss().peakKib() / 1024)
                  : "–"));
    }
  }

  private static List<LargeTransfer.Result> large(ApplianceRun run, String side, String direction) {
    return run.large().stream()
        .filter(r -> r.side().equals(side) && r.direction().equals(direction))
        .toList();
  }

  private static String times(List<LargeTransfer.Result> results) {
    return results.isEmpty()
        ? "–"
        : results.stream().map(r -> f("%.2f", r.seconds())).collect(Collectors.joining(", "));
  }

  private static String mbps(List<LargeTransfer.Result> results) {
    return f(
        "%.0f",
        results.stream().mapToDouble(LargeTransfer.Result::megabytesPerSecond).average().orElse(0));
  }

  private static String peakMib(List<LargeTransfer.Result> results) {
    return results.stream().allMatch(r -> r.rss().known()) && !results.isEmpty()
        ? f("%d", results.stream().mapToLong(r -> r.rss().peakKib()).max().orElse(0) / 1024)
        : "–";
  }

  private static void points(StringBuilder md, List<SidePoint> points) {
    md.append("\n## Every measured point, in order\n\n");
    md.append(
        "| # | Side | Operation | Connections | Repeat | Requests (ok) | Errors | req/s | p50 (ms)"
            + " | p99 (ms) | Max (ms) | CPU driver/server/else | Server CPU ms/req"
            + " | New DB sessions |\n");
    md.append("|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    int i = 1;
    for (SidePoint s : points) {
      PointResult p = s.result();
      md.append(
          f(
              "| %d | %s | %s %s | %d | %d | %d | %d | %.0f | %s | %s | %s | %s | %s | %s |\n",
              i++,
              s.side(),
              s.operation(),
              p.payload(),
              p.connections(),
              s.repeat(),
              p.ok(),
              p.errors().total(),
              p.throughput(),
              ms(p.latency().p50()),
              ms(p.latency().p99()),
              ms(p.latency().max()),
              MarkdownReport.cpu(p.cpu()),
              MarkdownReport.bridgeCpuPerRequest(p),
              s.databaseSessions().isPresent()
                  ? String.valueOf(s.databaseSessions().getAsLong())
                  : "–"));
    }
  }

  private static void errors(StringBuilder md, ApplianceRun run) {
    StringBuilder list = new StringBuilder();
    for (SidePoint s : run.points()) {
      PointResult p = s.result();
      if (p.errors().total() > 0) {
        list.append(
            f(
                "- %s %s × %d connections, repeat %d: %s\n",
                s.side(), s.operation(), p.connections(), s.repeat(), p.errors().describe()));
      }
      if (p.connectionsOpened() > p.connections()) {
        list.append(
            f(
                "- %s %s × %d connections, repeat %d: %d connections reopened\n",
                s.side(),
                s.operation(),
                p.connections(),
                s.repeat(),
                p.connectionsOpened() - p.connections()));
      }
    }
    for (LargeTransfer.Result r : run.large()) {
      if (!r.verified()) {
        list.append(
            f(
                "- %s %s: HTTP %d, %d bytes, not verified\n",
                r.side(), r.direction(), r.status(), r.bytes()));
      }
    }
    md.append("\n## Errors\n\n");
    md.append(
        list.length() == 0
            ? "None: every PUT got 200/201, every GET 200 with the uploaded bytes.\n"
            : list);
  }

  static List<Goal> goals(ApplianceRun run) {
    List<Goal> goals = new ArrayList<>();
    if (measured(run, DocumentEndpoint.BASELINE)) {
      throughputGoals(
          goals,
          ComparedPoint.of(run.points(), DocumentEndpoint.API, DocumentEndpoint.BASELINE),
          "the bare JAX-RS + JPA endpoint");
    }
    if (measured(run, DocumentEndpoint.BASELINE_TOKEN)) {
      throughputGoals(
          goals,
          ComparedPoint.of(run.points(), DocumentEndpoint.API, DocumentEndpoint.BASELINE_TOKEN),
          "the endpoint with the same token check (the bare one behind MP-JWT, same token)");
    }
    long unwraps = run.afterMatrix().unwraps() - run.beforeMatrix().unwraps();
    long allowed = allowedRefreshes(run.beforeMatrix(), run.matrixSeconds());
    goals.add(
        new Goal(
            "The DEK stays cached during the matrix (no unwrap beyond one background refresh per"
                + " key and soft TTL)",
            f("%d unwraps in %d s (at most %d expected)", unwraps, run.matrixSeconds(), allowed),
            unwraps <= allowed));
    return goals;
  }

  /** One row per operation: the API at or above {@link #GOAL_RATIO} at every connection count. */
  private static void throughputGoals(
      List<Goal> goals, List<ComparedPoint> compared, String against) {
    for (String op : List.of("PUT", "GET")) {
      List<ComparedPoint> of = compared.stream().filter(c -> c.operation().equals(op)).toList();
      if (of.isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      boolean met = true;
      for (ComparedPoint c : of) {
        Optional<Double> r = c.ratio();
        parts.add(f("%s at %d", r.map(v -> f("%.2f", v)).orElse("–"), c.connections()));
        met &= r.isPresent() && r.get() >= GOAL_RATIO;
      }
      goals.add(
          new Goal(
              f(
                  "%s %s through the API ≥ %.2f× %s, DEK cached",
                  op, payload(of.get(0)), GOAL_RATIO, against),
              String.join(", ", parts) + " connections",
              met));
    }
  }

  private static void goals(StringBuilder md, List<Goal> goals) {
    md.append("\n## Goals\n\n| Goal | Measured | Met |\n|---|---|---|\n");
    for (Goal g : goals) {
      md.append(f("| %s | %s | %s |\n", g.goal(), g.measured(), g.met() ? "yes" : "**no**"));
    }
  }
}
