package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the audit trails of the bridges {@link XksAuditBench} measured, once they have stopped (an
 * embedded H2 file is open to one process at a time): checks that every XKS call the bridge counted
 * is in its log, shows how the writer grouped entries into commits during each measured point
 * (entries of one commit share their {@code recorded_at}), and times single-entry commits on the
 * same database. Prints Markdown to stdout.
 */
public final class AuditTrailCheck {
  static final int PROBE_WARMUP = 100;
  static final int PROBE_COMMITS = 300;
  private static final Pattern FIELD =
      Pattern.compile("\"(type|api|operation|outcome)\":\"([^\"]*)\"");
  private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");

  /** One commit of the writer: when, and how many entries. */
  record Batch(long epochMicros, int entries) {}

  /** What the log holds, counted. */
  static final class Tally {
    final Map<String, Long> calls = new TreeMap<>();
    final Map<String, Long> reads = new TreeMap<>();
    long entries;
    long events;
    final List<Batch> batches = new ArrayList<>();
  }

  private AuditTrailCheck() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String state = XksAuditBench.take(rest, "state");
    String bridges = XksAuditBench.take(rest, "audit-bridges");
    if (state == null || bridges == null || !rest.isEmpty()) {
      System.err.println(
          "usage: AuditTrailCheck --state DIR --audit-bridges NAME:PID:INSTANCE_DIR,...");
      System.exit(64);
    }
    StringBuilder md = new StringBuilder();
    md.append("\n## The audit trails, read back after the run\n\n");
    md.append(
        "Read from each audited bridge's database once every bridge had stopped. Entries of one"
            + " commit share their `recorded_at`, so the log itself shows the group commits.\n");
    List<String[]> points = points(Path.of(state).resolve("points.tsv"));
    for (String part : bridges.split(",")) {
      String[] f = part.strip().split(":", 3);
      Map<String, String> props = BridgeInstance.properties(Path.of(f[2]));
      if (!BridgeInstance.audited(props)) {
        continue;
      }
      List<String> metrics = Files.readAllLines(Path.of(state).resolve("metrics-" + f[0] + ".txt"));
      try (Connection c = connect(props)) {
        check(md, f[0], props.get("bridge.audit.jdbc.url"), c, metrics, points);
      } catch (SQLException e) {
        md.append(f("\n### `%s`\n\n**The audit database could not be read:** %s\n", f[0], e));
      }
    }
    System.out.print(md);
  }

  private static void check(
      StringBuilder md,
      String name,
      String url,
      Connection c,
      List<String> metrics,
      List<String[]> points)
      throws SQLException {
    Tally t = scan(c);
    long batched = t.batches.stream().mapToLong(Batch::entries).sum();
    int largest = t.batches.stream().mapToInt(Batch::entries).max().orElse(0);
    md.append(f("\n### `%s`: `%s`\n\n", name, displayUrl(url)));
    md.append(
        f(
            "%,d entries in %,d commits (mean %.1f entries per commit, largest %d); %,d `reads`"
                + " entries counting %,d key-status reads; %,d events.\n\n",
            t.entries,
            t.batches.size(),
            t.batches.isEmpty() ? 0 : (double) batched / t.batches.size(),
            largest,
            t.reads.size(),
            t.reads.values().stream().mapToLong(Long::longValue).sum(),
            t.events));
    md.append("| XKS operation | outcome | bridge counter | in the log | match |\n");
    md.append("|---|---|--:|--:|---|\n");
    boolean allMatch = true;
    int rows = 0;
    Pattern sample =
        Pattern.compile(
            "xks_requests_total\\{operation=\"([^\"]*)\",outcome=\"([^\"]*)\"\\} (\\S+)");
    for (String line : metrics) {
      Matcher m = sample.matcher(line);
      if (!m.matches()) {
        continue;
      }
      long counted = (long) Double.parseDouble(m.group(3));
      long logged =
          t.calls.getOrDefault(m.group(1) + "/" + m.group(2), 0L)
              + ("ok".equals(m.group(2)) ? t.reads.getOrDefault(m.group(1), 0L) : 0L);
      boolean match = counted == logged;
      allMatch &= match;
      rows++;
      md.append(
          f(
              "| %s | %s | %,d | %,d | %s |\n",
              m.group(1), m.group(2), counted, logged, match ? "yes" : "**no**"));
    }
    md.append(
        rows == 0
            ? "\n**No `xks_requests_total` samples were scraped: nothing to compare.**\n"
            : allMatch
                ? "\nEvery XKS call the bridge counted is in its log (key-status reads as counts).\n"
                : "\n**The log and the bridge's counters disagree.**\n");
    groupCommits(md, name, t.batches, points);
    commitProbe(md, c, url.startsWith("jdbc:postgresql:"));
  }

  /** Reads every entry in index order. */
  static Tally scan(Connection c) throws SQLException {
    Tally t = new Tally();
    c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
    try (PreparedStatement ps =
        c.prepareStatement("SELECT entry, recorded_at FROM audit_entry ORDER BY entry_index")) {
      ps.setFetchSize(5000);
      try (ResultSet rs = ps.executeQuery()) {
        long batchAt = Long.MIN_VALUE;
        int batchSize = 0;
        while (rs.next()) {
          count(t, new String(rs.getBytes(1), StandardCharsets.UTF_8));
          Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
          long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
          if (micros != batchAt && batchSize > 0) {
            t.batches.add(new Batch(batchAt, batchSize));
            batchSize = 0;
          }
          batchAt = micros;
          batchSize++;
        }
        if (batchSize > 0) {
          t.batches.add(new Batch(batchAt, batchSize));
        }
      }
    }
    c.commit();
    return t;
  }

  private static void count(Tally t, String entry) {
    t.entries++;
    Map<String, String> f = new TreeMap<>();
    Matcher m = FIELD.matcher(entry);
    while (m.find()) {
      f.putIfAbsent(m.group(1), m.group(2));
    }
    String type = f.getOrDefault("type", "");
    if (type.equals("call") && "xks".equals(f.get("api"))) {
      t.calls.merge(f.get("operation") + "/" + f.get("outcome"), 1L, Long::sum);
    } else if (type.equals("reads") && "xks".equals(f.get("api"))) {
      Matcher n = COUNT.matcher(entry);
      t.reads.merge(f.get("operation"), n.find() ? Long.parseLong(n.group(1)) : 0L, Long::sum);
    } else if (type.equals("event")) {
      t.events++;
    }
  }

  /** Commits during each measured point of this bridge. */
  private static void groupCommits(
      StringBuilder md, String name, List<Batch> batches, List<String[]> points) {
    md.append("\nGroup commit during each measured point of this bridge:\n\n");
    md.append(
        "| Repeat | Payload | Connections | Decrypts answered | Entries written | Commits"
            + " | Commits/s | Mean entries/commit | Largest |\n");
    md.append("|--:|---|--:|--:|--:|--:|--:|--:|--:|\n");
    for (String[] p : points) {
      if (!p[0].equals(name)) {
        continue;
      }
      long from = Long.parseLong(p[4]) * 1000;
      long to = Long.parseLong(p[5]) * 1000;
      long commits = 0;
      long entries = 0;
      int largest = 0;
      for (Batch b : batches) {
        if (b.epochMicros() >= from && b.epochMicros() < to) {
          commits++;
          entries += b.entries();
          largest = Math.max(largest, b.entries());
        }
      }
      double seconds = (to - from) / 1e6;
      md.append(
          f(
              "| %s | %s | %s | %,d | %,d | %,d | %.0f | %.2f | %d |\n",
              p[1],
              p[2],
              p[3],
              Long.parseLong(p[6]),
              entries,
              commits,
              commits / seconds,
              commits == 0 ? 0 : (double) entries / commits,
              largest));
    }
  }

  /** Single-entry INSERT + COMMIT on the same database, each timed. */
  private static void commitProbe(StringBuilder md, Connection c, boolean postgres)
      throws SQLException {
    String bytes = postgres ? "BYTEA" : "VARBINARY(1000)";
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bench_commit_probe (id BIGINT PRIMARY KEY, entry " + bytes + ")");
      c.commit();
    }
    long[] took = new long[PROBE_COMMITS];
    SecureRandom random = new SecureRandom();
    byte[] entry = new byte[300];
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO bench_commit_probe (id, entry) VALUES (?, ?)")) {
      for (int i = 0; i < PROBE_WARMUP + PROBE_COMMITS; i++) {
        random.nextBytes(entry);
        long start = System.nanoTime();
        ps.setLong(1, i);
        ps.setBytes(2, entry);
        ps.executeUpdate();
        c.commit();
        if (i >= PROBE_WARMUP) {
          took[i - PROBE_WARMUP] = System.nanoTime() - start;
        }
      }
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE bench_commit_probe");
        c.commit();
      }
    }
    Arrays.sort(took);
    md.append(
        f(
            "\nCommit latency on this database (a fresh JVM inserting one ~300-byte row per"
                + " transaction, %d commits after %d unmeasured): p50 %s ms, p90 %s ms, p99 %s ms,"
                + " max %s ms.",
            PROBE_COMMITS,
            PROBE_WARMUP,
            MarkdownReport.ms(took[took.length / 2]),
            MarkdownReport.ms(took[took.length * 9 / 10]),
            MarkdownReport.ms(took[took.length * 99 / 100]),
            MarkdownReport.ms(took[took.length - 1])));
    if (postgres) {
      List<String> settings = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        for (String name :
            List.of("fsync", "synchronous_commit", "wal_sync_method", "commit_delay")) {
          try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            settings.add(name + "=" + rs.getString(1));
          }
        }
      }
      c.commit();
      md.append(" Server settings: ").append(String.join(", ", settings)).append('.');
    }
    md.append('\n');
  }

  private static Connection connect(Map<String, String> props) throws SQLException, IOException {
    String password = "";
    String file = props.get("bridge.audit.jdbc.password-file");
    if (file != null && !file.isBlank()) {
      password = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).get(0).strip();
    }
    return DriverManager.getConnection(
        props.get("bridge.audit.jdbc.url"),
        props.getOrDefault("bridge.audit.jdbc.user", ""),
        password);
  }

  private static List<String[]> points(Path tsv) throws IOException {
    return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t"))
        .toList();
  }

  /**
   * A JDBC URL as a report shows it: an embedded database's file path (in the benchmark's temporary
   * folder) becomes {@code INSTANCE/…}, so that no path of the machine ends up in a report.
   */
  static String displayUrl(String url) {
    return url.replaceAll("^jdbc:h2:file:[^;]*/(audit/[^/;]+)", "jdbc:h2:file:INSTANCE/$1");
  }

  private static String f(String format, Object... args) {
    return MarkdownReport.f(format, args);
  }
}
