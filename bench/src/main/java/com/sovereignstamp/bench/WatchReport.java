package com.sovereignstamp.bench;

import static com.sovereignstamp.bench.MarkdownReport.f;
import static com.sovereignstamp.bench.MarkdownReport.ms;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The figures of a revocation-to-watcher run and their Markdown: the watcher's delays, the revoke
 * call's round trip and the baseline (an XKS metadata round trip, interleaved with the trials), the
 * ratio of the notification delay to the baseline, and the goal.
 *
 * @param trials the measured trials (warm-up trials left out)
 * @param metadataRoundTrips every baseline round trip of the measured trials, nanoseconds
 * @param goalNanos the goal: p99 of (a) at most this
 */
record WatchReport(List<WatchTrial> trials, long[] metadataRoundTrips, long goalNanos) {
  WatchReport {
    trials = List.copyOf(trials);
    metadataRoundTrips = metadataRoundTrips.clone();
  }

  Spread afterReturn() {
    return spread(WatchTrial::afterReturn);
  }

  Spread afterSend() {
    return spread(WatchTrial::afterSend);
  }

  Spread revokeRoundTrip() {
    return spread(WatchTrial::revokeRoundTrip);
  }

  Spread metadata() {
    return Spread.of(metadataRoundTrips);
  }

  /** How many watch answers came before the revoke call had returned. */
  long answeredBeforeReturn() {
    return trials.stream().filter(t -> t.afterReturn() < 0).count();
  }

  /** Whether the goal held: trials were measured and p99 of (a) is within {@link #goalNanos}. */
  boolean goalMet() {
    return !trials.isEmpty() && afterReturn().p99() <= goalNanos;
  }

  /** {@code a / b}, or empty when the baseline figure is not positive. */
  static Optional<Double> ratio(long a, long b) {
    return b > 0 ? Optional.of((double) a / b) : Optional.empty();
  }

  String render(String title, List<String> preamble, Optional<CpuUsage> cpu) {
    StringBuilder md = new StringBuilder(4096);
    md.append("# ").append(title).append("\n\n");
    preamble.forEach(line -> md.append("- ").append(line).append('\n'));
    cpu.ifPresent(
        u ->
            md.append(
                f(
                    "- CPU during the measured trials (cores, driver / bridge / everything else):"
                        + " %s; a high 'else' means the run shared the machine\n",
                    MarkdownReport.cpu(cpu))));
    md.append("\n## Latencies (ms)\n\n");
    md.append("| Measure | n | min | p50 | p90 | p99 | max |\n|---|--:|--:|--:|--:|--:|--:|\n");
    row(md, "(a) watch answer − revoke call returned", afterReturn());
    row(md, "(b) watch answer − revoke call sent (notification delay)", afterSend());
    row(md, "revoke call round trip (officer, admin API)", revokeRoundTrip());
    row(md, "baseline: XKS metadata round trip (appliance)", metadata());

    Spread b = afterSend();
    Spread m = metadata();
    Spread r = revokeRoundTrip();
    md.append("\n## Ratios to the baseline (same percentile of each)\n\n");
    md.append("| Ratio | p50 | p90 | p99 | max |\n|---|--:|--:|--:|--:|\n");
    ratioRow(md, "(b) notification delay / metadata round trip", b, m);
    ratioRow(md, "revoke round trip / metadata round trip", r, m);

    md.append(
        f(
            "\nThe watch answered before the revoke call had returned in %d of %d trials.\n",
            answeredBeforeReturn(), trials.size()));
    md.append("\n## Goal\n\n| Goal | Measured | Met |\n|---|---|---|\n");
    md.append(
        f(
            "| a watching client sees the revocation within %s ms of the revoke call returning"
                + " (p99 of (a)) | p99 %s ms, max %s ms over %d trials | %s |\n",
            MarkdownReport.f("%d", goalNanos / 1_000_000),
            ms(afterReturn().p99()),
            ms(afterReturn().max()),
            trials.size(),
            goalMet() ? "yes" : "**no**"));
    return md.toString();
  }

  private Spread spread(ToLongFunction<WatchTrial> measure) {
    return Spread.of(trials.stream().mapToLong(measure).toArray());
  }

  private static void row(StringBuilder md, String name, Spread s) {
    md.append(
        f(
            "| %s | %d | %s | %s | %s | %s | %s |\n",
            name, s.count(), ms(s.min()), ms(s.p50()), ms(s.p90()), ms(s.p99()), ms(s.max())));
  }

  private static void ratioRow(StringBuilder md, String name, Spread a, Spread base) {
    md.append(
        f(
            "| %s | %s | %s | %s | %s |\n",
            name,
            r(a.p50(), base.p50()),
            r(a.p90(), base.p90()),
            r(a.p99(), base.p99()),
            r(a.max(), base.max())));
  }

  private static String r(long a, long b) {
    return ratio(a, b).map(x -> f("%.2f", x)).orElse("–");
  }
}
