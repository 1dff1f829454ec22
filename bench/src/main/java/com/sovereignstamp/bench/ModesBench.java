package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.PemTls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The operating modes against a running appliance and its bridge: (1) time to {@code REVOKED} after
 * an officer's revoke call, over many trials, with the path that noticed it (watch or poll); (2)
 * time to {@code DEGRADED_READ_ONLY} after the bridge goes dark (SIGSTOP) and back to {@code
 * NORMAL} after it returns (SIGCONT); (3) bridge unwraps during a mixed load over many collections
 * against the ideal of one per collection per soft-TTL period. The mode is read from {@code GET
 * /api/v1/status} on a persistent connection, polled every 2 ms. Progress to stderr, the Markdown
 * report to stdout and {@code --out}.
 */
public final class ModesBench {
  static final String TITLE = "Operating modes: time to revoke, to read-only and back, unwraps";
  static final long REVOKE_GOAL_NANOS = Duration.ofSeconds(1).toNanos();
  static final long WATCH_P50_GOAL_NANOS = Duration.ofMillis(100).toNanos();
  static final double UNWRAP_GOAL = 1.1;
  private static final Pattern MODE = Pattern.compile("\"mode\":\"([A-Z_]+)\"");
  private static final Pattern REASON = Pattern.compile("\"modeReason\":\"([^\"]*)\"");
  private static final Pattern NUMBER = Pattern.compile("\"%s\":(\\d+)");

  /** The command line. */
  record Options(
      URI url,
      Path ca,
      Path tokenFile,
      Path bridgeInstance,
      String officerClasspath,
      long bridgePid,
      int trials,
      int warmupTrials,
      int darkTrials,
      Duration load,
      int collections,
      int loadConnections,
      Duration softTtl,
      List<String> notes,
      Path out) {
    static final String USAGE =
        """
        usage: ModesBench --url URL --ca FILE --token-file FILE --bridge-instance DIR
                          --officer-classpath CP --bridge-pid PID [--flag value]...
          --trials N            measured revocations                     (default 100)
          --warmup-trials N     revocations before them, not counted     (default 5)
          --dark-trials N       bridge frozen and thawed                 (default 5)
          --load D              the mixed load for the unwrap count      (default 5m)
          --collections N       collections of the mixed load            (default 50)
          --load-connections N  connections of the mixed load            (default 4)
          --soft-ttl D          the appliance's stamp.dek-cache.soft-ttl (default 60s)
          --note TEXT           a line for the report's preamble (may be repeated)
          --out FILE            also write the Markdown report here
        Durations: 500ms, 3s, 1m.
        """;

    static Options parse(String[] args) {
      Map<String, List<String>> a = new java.util.HashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --flag value at " + args[i]);
        }
        a.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
      }
      return new Options(
          URI.create(required(a, "url")),
          Path.of(required(a, "ca")),
          Path.of(required(a, "token-file")),
          Path.of(required(a, "bridge-instance")),
          required(a, "officer-classpath"),
          Long.parseLong(required(a, "bridge-pid")),
          positive(a, "trials", 100),
          positive(a, "warmup-trials", 5),
          positive(a, "dark-trials", 5),
          duration(a, "load", Duration.ofMinutes(5)),
          positive(a, "collections", 50),
          positive(a, "load-connections", 4),
          duration(a, "soft-ttl", Duration.ofSeconds(60)),
          a.getOrDefault("note", List.of()),
          a.containsKey("out") ? Path.of(required(a, "out")) : null);
    }

    private static String required(Map<String, List<String>> a, String name) {
      List<String> v = a.get(name);
      if (v == null) {
        throw new IllegalArgumentException("--" + name + " is needed");
      }
      return v.get(v.size() - 1);
    }

    private static int positive(Map<String, List<String>> a, String name, int fallback) {
      int n = a.containsKey(name) ? Integer.parseInt(required(a, name)) : fallback;
      if (n < 1) {
        throw new IllegalArgumentException("--" + name + " must be at least 1");
      }
      return n;
    }

    private static Duration duration(Map<String, List<String>> a, String name, Duration fallback) {
      return a.containsKey(name) ? BenchOptions.duration(required(a, name)) : fallback;
    }
  }

  /** One revocation: when the call was sent and returned, when the status said REVOKED, how. */
  record RevokeTrial(long sent, long returned, long seen, String reason, long back) {
    long afterReturn() {
      return seen - returned;
    }

    long afterSend() {
      return seen - sent;
    }

    boolean byWatch() {
      return reason.contains("(watch)");
    }
  }

  /** One dark period: freeze to DEGRADED, thaw to NORMAL. */
  record DarkTrial(long toDegraded, long toNormal, String reason) {}

  private final Options options;
  private final SSLContext tls;
  private final Target target;
  private final Map<String, String> headers;
  private final Officers officers;

  ModesBench(Options options) throws Exception {
    this.options = options;
    this.tls = PemTls.trustOnly(options.ca());
    this.target = Target.of(options.url(), 10_000);
    this.headers =
        Map.of(
            "Authorization",
            "Bearer " + Files.readString(options.tokenFile(), StandardCharsets.US_ASCII).strip());
    Map<String, String> env = BridgeInstance.env(options.bridgeInstance());
    Map<String, String> properties = BridgeInstance.properties(options.bridgeInstance());
    this.officers =
        new Officers(
            env,
            properties.get("bridge.audit.origin"),
            env.get("XKS_URI_PREFIX"),
            env.get("XKS_KEY_ID"),
            new OfficerApprovals(options.officerClasspath()));
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(Options.USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ModesBench: " + e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(64);
      return;
    }
    String report = new ModesBench(options).run();
    System.out.print(report);
    if (options.out() != null) {
      Files.writeString(options.out(), report, StandardCharsets.UTF_8);
    }
    System.exit(0);
  }

  String run() throws Exception {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<RevokeTrial> revocations = new ArrayList<>();
    List<DarkTrial> dark = new ArrayList<>();
    long[] unwraps;
    try (TlsConnection status = TlsConnection.open(tls, target)) {
      StatusReader reader = new StatusReader(status);
      reader.await("NORMAL", Duration.ofMinutes(2));
      String collection = "modes-" + Long.toHexString(System.nanoTime());
      post(
          "/api/v1/collections",
          "{\"name\":\"" + collection + "\",\"classification\":\"standard\"}");
      put(collection, "doc", new byte[4096]);
      int total = options.warmupTrials() + options.trials();
      for (int i = 0; i < total; i++) {
        RevokeTrial t = revokeTrial(reader);
        if (i >= options.warmupTrials()) {
          revocations.add(t);
        }
        if ((i + 1) % 10 == 0 || i + 1 == total) {
          XksBench.progress(
              "revocations %d/%d%s; last: REVOKED %s ms after the call returned (%s)",
              i + 1,
              total,
              i < options.warmupTrials() ? " (warm-up)" : "",
              MarkdownReport.ms(t.afterReturn()),
              t.byWatch() ? "watch" : "poll or key use");
        }
      }
      for (int i = 0; i < options.darkTrials(); i++) {
        DarkTrial t = darkTrial(reader, collection);
        dark.add(t);
        XksBench.progress(
            "dark %d/%d: DEGRADED after %s ms, NORMAL %s ms after the thaw",
            i + 1,
            options.darkTrials(),
            MarkdownReport.ms(t.toDegraded()),
            MarkdownReport.ms(t.toNormal()));
      }
      unwraps = mixedLoad(reader);
    }
    return report(started, revocations, dark, unwraps);
  }

  private RevokeTrial revokeTrial(StatusReader reader) throws Exception {
    reader.await("NORMAL", Duration.ofSeconds(30));
    Thread.sleep(200); // the watch is held open again at the bridge
    long sent = System.nanoTime();
    officers.revoke();
    long returned = System.nanoTime();
    long seen = reader.await("REVOKED", Duration.ofSeconds(30));
    String reason = reader.lastReason();
    officers.reinstate();
    long reinstated = System.nanoTime();
    long back = reader.await("NORMAL", Duration.ofSeconds(30));
    return new RevokeTrial(sent, returned, seen, reason, back - reinstated);
  }

  private DarkTrial darkTrial(StatusReader reader, String collection) throws Exception {
    reader.await("NORMAL", Duration.ofSeconds(60));
    long frozen = System.nanoTime();
    signal("STOP");
    long degraded;
    String reason;
    long thawed;
    try {
      degraded = reader.await("DEGRADED_READ_ONLY", Duration.ofSeconds(60));
      reason = reader.lastReason();
    } finally {
      thawed = System.nanoTime();
      signal("CONT");
    }
    long normal = reader.await("NORMAL", Duration.ofSeconds(60));
    return new DarkTrial(degraded - frozen, normal - thawed, reason);
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("kill", "-" + name, Long.toString(options.bridgePid()))
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + options.bridgePid() + " failed");
    }
  }

  /**
   * Reads and writes over {@code collections} collections for the load's duration; returns the
   * unwrap count at its start and end (each collection's key was unwrapped once before it).
   */
  private long[] mixedLoad(StatusReader reader) throws Exception {
    List<String> names = new ArrayList<>();
    String run = Long.toHexString(System.nanoTime());
    for (int i = 0; i < options.collections(); i++) {
      String name = "load-" + run + "-" + i;
      post("/api/v1/collections", "{\"name\":\"" + name + "\",\"classification\":\"standard\"}");
      put(name, "doc", new byte[4096]);
      names.add(name);
    }
    reader.await("NORMAL", Duration.ofSeconds(30));
    long before = reader.number("unwraps");
    long end = System.nanoTime() + options.load().toNanos();
    AtomicLong requests = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(options.loadConnections());
    for (int c = 0; c < options.loadConnections(); c++) {
      long seed = c;
      pool.execute(() -> loadLoop(names, end, seed, requests, failures));
    }
    pool.shutdown();
    pool.awaitTermination(options.load().toSeconds() + 120, TimeUnit.SECONDS);
    long after = reader.number("unwraps");
    XksBench.progress(
        "mixed load: %d requests (%d failed), %d unwraps",
        requests.get(), failures.get(), after - before);
    return new long[] {before, after, requests.get(), failures.get()};
  }

  private void loadLoop(
      List<String> names, long end, long seed, AtomicLong requests, AtomicLong failures) {
    Random random = new Random(seed);
    byte[] body = new byte[4096];
    try (TlsConnection c = TlsConnection.open(tls, target)) {
      while (System.nanoTime() < end) {
        String name = names.get(random.nextInt(names.size()));
        String path = "/api/v1/collections/" + name + "/documents/doc";
        byte[] request =
            random.nextInt(5) == 0
                ? HttpRequestBytes.put(
                    path, target.hostHeader(), "application/octet-stream", headers, body)
                : HttpRequestBytes.get(path, target.hostHeader(), headers);
        HttpResponse r = c.exchange(request);
        requests.incrementAndGet();
        if (r.status() != 200) {
          failures.incrementAndGet();
        }
      }
    } catch (IOException e) {
      failures.incrementAndGet();
      XksBench.progress("a load connection failed: %s", e.getMessage());
    }
  }

  private void post(String path, String json) throws IOException {
    try (TlsConnection c = TlsConnection.open(tls, target)) {
      HttpResponse r =
          c.exchange(
              HttpRequestBytes.post(
                  path,
                  target.hostHeader(),
                  "application/json",
                  headers,
                  json.getBytes(StandardCharsets.UTF_8)));
      if (r.status() != 201) {
        throw new IOException("POST " + path + ": HTTP " + r.status());
      }
    }
  }

  private void put(String collection, String id, byte[] body) throws IOException {
    String path = "/api/v1/collections/" + collection + "/documents/" + id;
    try (TlsConnection c = TlsConnection.open(tls, target)) {
      HttpResponse r =
          c.exchange(
              HttpRequestBytes.put(
                  path, target.hostHeader(), "application/octet-stream", headers, body));
      if (r.status() != 201 && r.status() != 200) {
        throw new IOException("PUT " + path + ": HTTP " + r.status());
      }
    }
  }

  /** The status on one persistent connection, reopened when the server closes it. */
  private final class StatusReader {
    private TlsConnection connection;
    private String last = "";

    StatusReader(TlsConnection connection) {
      this.connection = connection;
    }

    String fetch() throws IOException {
      byte[] request = HttpRequestBytes.get(ApplianceStatus.PATH, target.hostHeader(), headers);
      HttpResponse r;
      try {
        r = connection.exchange(request);
      } catch (IOException idleClosed) { // the server closes a keep-alive connection left idle
        connection.close();
        connection = TlsConnection.open(tls, target);
        r = connection.exchange(request);
      }
      if (r.connectionClose()) {
        connection.close();
        connection = TlsConnection.open(tls, target);
      }
      if (r.status() != 200) {
        throw new IOException("GET " + ApplianceStatus.PATH + ": HTTP " + r.status());
      }
      last = new String(r.body(), StandardCharsets.UTF_8);
      return last;
    }

    /** Polls every 2 ms until the mode is {@code mode}; returns when it was first seen. */
    long await(String mode, Duration within) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (true) {
        Matcher m = MODE.matcher(fetch());
        long at = System.nanoTime();
        if (m.find() && m.group(1).equals(mode)) {
          return at;
        }
        if (at > deadline) {
          throw new IllegalStateException("mode " + mode + " not reached within " + within);
        }
        Thread.sleep(2);
      }
    }

    String lastReason() {
      Matcher m = REASON.matcher(last);
      return m.find() ? m.group(1) : "?";
    }

    long number(String member) throws IOException {
      Matcher m = Pattern.compile(String.format(NUMBER.pattern(), member)).matcher(fetch());
      if (!m.find()) {
        throw new IOException("no " + member + " in the status");
      }
      return Long.parseLong(m.group(1));
    }
  }

  private String report(
      Instant started, List<RevokeTrial> revocations, List<DarkTrial> dark, long[] unwraps) {
    StringBuilder md = new StringBuilder("# ").append(TITLE).append("\n\n");
    options.notes().forEach(n -> md.append("- ").append(n).append('\n'));
    Runtime rt = Runtime.getRuntime();
    md.append(
        MarkdownReport.f(
            "- Started %s; driver: Java %s, %d CPUs seen, sharing them with the appliance, the"
                + " bridge and PostgreSQL; status polled every 2 ms on one persistent connection\n\n",
            started, System.getProperty("java.version"), rt.availableProcessors()));

    long[] afterReturn = revocations.stream().mapToLong(RevokeTrial::afterReturn).toArray();
    long[] afterSend = revocations.stream().mapToLong(RevokeTrial::afterSend).toArray();
    long[] byWatch =
        revocations.stream()
            .filter(RevokeTrial::byWatch)
            .mapToLong(RevokeTrial::afterReturn)
            .toArray();
    long[] back = revocations.stream().mapToLong(RevokeTrial::back).toArray();
    md.append("## Time to revoke (")
        .append(revocations.size())
        .append(" trials after ")
        .append(options.warmupTrials())
        .append(" warm-up)\n\n");
    md.append(
        "Per trial: officer 1 revokes the key over the bridge's admin API; the time until the"
            + " appliance's status first says `REVOKED`; then officers 1 and 2 reinstate it and the"
            + " time until `NORMAL` again (the appliance verifies with a test wrap and unwrap).\n\n");
    md.append("| Measure | p50 (ms) | p99 (ms) | max (ms) | n |\n|---|--:|--:|--:|--:|\n");
    row(md, "REVOKED − revoke call returned", afterReturn);
    row(md, "REVOKED − revoke call sent", afterSend);
    row(md, "… of these, noticed by the watch", byWatch);
    row(md, "NORMAL − reinstate call returned", back);
    long p99 = pct(afterReturn, 99);
    long watchP50 = byWatch.length == 0 ? Long.MAX_VALUE : pct(byWatch, 50);
    md.append('\n')
        .append(
            MarkdownReport.f(
                "%d of %d noticed by the watch, the rest by the metadata poll or a request's key"
                    + " use. Goal p99 ≤ 1 s: **%s** (p99 %s ms). Goal watch path p50 ≤ 100 ms:"
                    + " **%s** (%s ms).\n\n",
                byWatch.length,
                revocations.size(),
                p99 <= REVOKE_GOAL_NANOS ? "met" : "NOT met",
                MarkdownReport.ms(p99),
                watchP50 <= WATCH_P50_GOAL_NANOS ? "met" : "NOT met",
                byWatch.length == 0 ? "-" : MarkdownReport.ms(watchP50)));

    md.append("## Bridge dark and back (").append(dark.size()).append(" trials)\n\n");
    md.append(
        "Per trial: the bridge process is frozen (SIGSTOP: connections stay open, nothing"
            + " answers); time until the status says `DEGRADED_READ_ONLY`; then thawed (SIGCONT);"
            + " time until `NORMAL`.\n\n");
    md.append("| Measure | p50 (ms) | p99 (ms) | max (ms) | n |\n|---|--:|--:|--:|--:|\n");
    row(
        md,
        "DEGRADED_READ_ONLY − frozen",
        dark.stream().mapToLong(DarkTrial::toDegraded).toArray());
    row(md, "NORMAL − thawed", dark.stream().mapToLong(DarkTrial::toNormal).toArray());
    if (!dark.isEmpty()) {
      md.append("\nNoticed by: ").append(dark.get(0).reason()).append("\n\n");
    }

    long observed = unwraps[1] - unwraps[0];
    double periods = (double) options.load().toNanos() / options.softTtl().toNanos();
    double ideal = options.collections() * periods;
    double ratio = observed / ideal;
    md.append("## Unwraps under a mixed load\n\n");
    md.append(
        MarkdownReport.f(
            "%s of 4 KiB GET (80%%) and PUT (20%%) over %d standard collections on %d connections,"
                + " keys cached before it starts: %d requests (%d not 200). The ideal is one unwrap"
                + " per collection per soft-TTL period (%s): %.0f.\n\n",
            options.load(),
            options.collections(),
            options.loadConnections(),
            unwraps[2],
            unwraps[3],
            options.softTtl(),
            ideal));
    md.append("| Unwraps at the bridge | Ideal | **Ratio** | Goal |\n|--:|--:|--:|---|\n");
    md.append(
        MarkdownReport.f(
            "| %d | %.0f | **%.2f** | ≤ %.1f: %s |\n",
            observed, ideal, ratio, UNWRAP_GOAL, ratio <= UNWRAP_GOAL ? "met" : "NOT met"));
    return md.toString();
  }

  private static void row(StringBuilder md, String name, long[] values) {
    if (values.length == 0) {
      md.append("| ").append(name).append(" | - | - | - | 0 |\n");
      return;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %d |\n",
            name,
            MarkdownReport.ms(pct(sorted, 50)),
            MarkdownReport.ms(pct(sorted, 99)),
            MarkdownReport.ms(sorted[sorted.length - 1]),
            sorted.length));
  }

  private static long pct(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return LatencySummary.percentile(sorted, p);
  }
}
