package com.sovereignstamp.bench.audit;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.storage.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Durable appends/s on PostgreSQL: the same {@link AuditLog} with a batch of one entry per
 * transaction (the baseline) and with group commit, each in a schema of its own, after a warm-up.
 * Database from {@code STAMP_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}.
 *
 * <pre>java -cp ... com.sovereignstamp.bench.audit.AuditAppendBench [threads] [seconds] [out.md]
 * </pre>
 */
public final class AuditAppendBench {
  private AuditAppendBench() {}

  /** One measured mode. */
  record Result(
      String mode,
      int maxBatch,
      long entries,
      long commits,
      double seconds,
      long[] latenciesMicros) {
    double perSecond() {
      return entries / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path out = args.length > 2 ? Path.of(args[2]) : null;
    String url = require("STAMP_TEST_PG_URL");
    String settings = durability(url);
    List<Result> results = new ArrayList<>();
    results.add(run("one transaction per entry", 1, threads, seconds, url));
    results.add(run("group commit", 512, threads, seconds, url));
    String report = report(results, threads, settings);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  private static Result run(String mode, int maxBatch, int threads, int seconds, String url)
      throws Exception {
    try (AuditLog log =
        AuditLog.open(freshSchema(url), maxBatch, Duration.ofSeconds(30), Clock.systemUTC())) {
      drive(log, threads, Duration.ofSeconds(3)); // warm-up
      long commitsBefore = log.commits();
      long sizeBefore = log.tree().size();
      long start = System.nanoTime();
      long[] latencies = drive(log, threads, Duration.ofSeconds(seconds));
      double took = (System.nanoTime() - start) / 1e9;
      return new Result(
          mode,
          maxBatch,
          log.tree().size() - sizeBefore,
          log.commits() - commitsBefore,
          took,
          latencies);
    }
  }

  /** Appends from {@code threads} threads until the time is up; returns each append's latency. */
  private static long[] drive(AuditLog log, int threads, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + duration.toNanos();
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      futures.add(
          pool.submit(
              () -> {
                List<Long> micros = new ArrayList<>();
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  log.append(entry(id));
                  micros.add((System.nanoTime() - t0) / 1000);
                }
                return micros;
              }));
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    return all.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** A realistic entry of the bridge's audit trail (about 300 bytes). */
  static JsonObject entry(int thread) {
    return CanonicalJson.object()
        .put("event", "xks.call")
        .put("operation", "decrypt")
        .put("kmsRequestId", UUID.randomUUID().toString())
        .put("keyId", "stamp-cmk-1")
        .put("accessKeyId", "ABCDEFGHIJKLMNOPQRST")
        .put("clientSubject", "CN=stamp-appliance,O=Bank A")
        .put("principal", "arn:aws:iam::111122223333:role/stamp-appliance-" + thread)
        .put("outcome", "ok")
        .put("latencyMicros", 812)
        .put("time", Instant.now().toString())
        .build();
  }

  private static PGSimpleDataSource freshSchema(String url) throws SQLException {
    String schema = "bench_" + System.nanoTime();
    try (Connection c = source(url).getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return source(url + "?currentSchema=" + schema);
  }

  private static String durability(String url) throws SQLException {
    try (Connection c = source(url).getConnection();
        Statement s = c.createStatement()) {
      return "fsync="
          + show(s, "fsync")
          + ", synchronous_commit="
          + show(s, "synchronous_commit")
          + ", server "
          + show(s, "server_version");
    }
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static PGSimpleDataSource source(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(require("STAMP_TEST_PG_USER"));
    ds.setPassword(require("STAMP_TEST_PG_PASSWORD"));
    return ds;
  }

  private static String require(String variable) {
    String v = System.getenv(variable);
    if (v == null || v.isEmpty()) {
      throw new IllegalStateException(variable + " is not set: run ./stamp bench audit");
    }
    return v;
  }

  static String report(List<Result> results, int threads, String settings) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# Audit log append benchmark (PostgreSQL)\n\n");
    sb.append("- ")
        .append(Instant.now())
        .append(", ")
        .append(threads)
        .append(" appending threads, ")
        .append(settings)
        .append("; each append returns once its entry is committed\n");
    sb.append("- Same AuditLog code in both modes; only the batch size differs\n\n");
    sb.append(
        "| mode | max batch | entries | commits | entries/commit | entries/s | p50 (ms) | p99 (ms) | max (ms) |\n");
    sb.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Result r : results) {
      long[] l = r.latenciesMicros();
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "| %s | %d | %d | %d | %.1f | %.0f | %.2f | %.2f | %.2f |%n",
              r.mode(),
              r.maxBatch(),
              r.entries(),
              r.commits(),
              (double) r.entries() / Math.max(1, r.commits()),
              r.perSecond(),
              pct(l, 0.50),
              pct(l, 0.99),
              l.length == 0 ? 0 : l[l.length - 1] / 1000.0));
    }
    double ratio = results.get(1).perSecond() / results.get(0).perSecond();
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            "%nGroup commit / one transaction per entry: **%.1f×**. Goal ≥ 5,000 entries/s group-committed: **%s** (%.0f/s).%n",
            ratio,
            results.get(1).perSecond() >= 5000 ? "met" : "NOT met",
            results.get(1).perSecond()));
    return sb.toString();
  }

  private static double pct(long[] sortedMicros, double p) {
    if (sortedMicros.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sortedMicros.length - 1, Math.ceil(p * sortedMicros.length) - 1);
    return sortedMicros[Math.max(0, i)] / 1000.0;
  }
}
