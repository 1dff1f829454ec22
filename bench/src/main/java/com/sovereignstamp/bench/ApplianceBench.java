package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.PemTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The appliance's document API against a bare JAX-RS + JPA endpoint in the same server (the {@code
 * bench-baseline} WAR at {@code /baseline}) and, by default, against the same endpoint behind the
 * same bearer-token check as the API, in one run: small-document PUT and GET in a closed loop at
 * each connection count, every side measured in turn and repeated, then a large upload and download
 * each way. Progress goes to stderr, the Markdown report to stdout and {@code --out}.
 */
public final class ApplianceBench {
  static final long CONTENT_SEED = 20261129L;
  static final String LARGE_ID = "large-1";
  static final int SET_UP_ATTEMPTS = 20;

  private final ApplianceBenchOptions options;
  private final SSLContext context;
  private final Target target;
  private final DocumentEndpoint api;

  /** The baselines measured: the bare one, the token-checked one, or both in that order. */
  private final List<DocumentEndpoint> baselines;

  /** The API, then the baselines: every side of the matrix. */
  private final List<DocumentEndpoint> sides;

  ApplianceBench(ApplianceBenchOptions options, String token) {
    this.options = options;
    this.context = PemTls.trustOnly(options.caCert());
    this.target = Target.of(options.url(), Math.toIntExact(options.timeout().toMillis()));
    this.api = DocumentEndpoint.api(options.collection(), token);
    List<DocumentEndpoint> measured = new ArrayList<>();
    if (options.baselineAuth().bare()) {
      measured.add(DocumentEndpoint.baseline());
    }
    if (options.baselineAuth().token()) {
      measured.add(DocumentEndpoint.authenticatedBaseline(token));
    }
    this.baselines = List.copyOf(measured);
    List<DocumentEndpoint> all = new ArrayList<>();
    all.add(api);
    all.addAll(baselines);
    this.sides = List.copyOf(all);
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(ApplianceBenchOptions.USAGE);
      return;
    }
    ApplianceBenchOptions options;
    String token;
    try {
      options = ApplianceBenchOptions.parse(args, System::getenv);
      token = Files.readString(options.tokenFile(), StandardCharsets.US_ASCII).strip();
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("ApplianceBench: " + e.getMessage());
      System.err.print(ApplianceBenchOptions.USAGE);
      System.exit(64);
      return;
    }
    String report = ApplianceReport.render(new ApplianceBench(options, token).run());
    System.out.print(report);
    if (options.out().isPresent()) {
      Files.writeString(options.out().get(), report, StandardCharsets.UTF_8);
    }
  }

  ApplianceRun run() throws IOException, InterruptedException {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Set<Long> ours = new HashSet<>(options.otherPids());
    options.serverPid().ifPresent(ours::add);
    Map<String, Integer> othersAtStart = OtherJvms.now(ours);

    byte[] body = new GeneratedContent(CONTENT_SEED, options.documentSize()).bytes();
    List<String> putIds = DocumentWorkloads.ids("put", options.documents());
    List<String> getIds = DocumentWorkloads.ids("get", options.documents());
    createCollection();
    // The two baselines share one store (the same bench_* rows by id): storing through each is
    // redundant but harmless, and sends each side's first requests before the warm-up.
    for (DocumentEndpoint side : sides) {
      XksBench.progress("storing %d + %d documents through %s", putIds.size(), getIds.size(), side);
      store(side, putIds, body);
      store(side, getIds, body);
    }
    List<Workload> puts = new ArrayList<>();
    List<Workload> gets = new ArrayList<>();
    for (DocumentEndpoint side : sides) {
      puts.add(DocumentWorkloads.put(side, target, putIds, body));
      gets.add(DocumentWorkloads.get(side, target, getIds, body));
    }

    ClosedLoopRun loop = new ClosedLoopRun(context, target, options.serverPid());
    Optional<DatabaseSessions> sessions = DatabaseSessions.open(System::getenv);
    ApplianceWarmup warmup = new ApplianceWarmup(loop, options);
    List<Workload> everyWorkload = new ArrayList<>(puts);
    everyWorkload.addAll(gets);
    WarmupOutcome warm = warmup.run(everyWorkload);

    ApplianceStatus beforeMatrix = status();
    long matrixStarted = System.nanoTime();
    List<SidePoint> points;
    try {
      points = matrix(loop, sessions, Map.of("PUT", puts, "GET", gets));
    } finally {
      sessions.ifPresent(DatabaseSessions::close);
    }
    long matrixSeconds = (System.nanoTime() - matrixStarted) / 1_000_000_000L;
    ApplianceStatus afterMatrix = status();

    List<LargeTransfer.Result> large = new ArrayList<>();
    Optional<ApplianceStatus> afterLarge = Optional.empty();
    if (options.largeSize() > 0) {
      large = large();
      afterLarge = Optional.of(status());
    }
    Map<String, Integer> othersAtEnd = OtherJvms.now(ours);
    List<String> preamble = preamble(started, warmup.describe(warm));
    String others =
        "Other Java processes on the machine (not this run's): at the start "
            + OtherJvms.describe(othersAtStart)
            + ", at the end "
            + OtherJvms.describe(othersAtEnd);
    preamble.add(others);
    return new ApplianceRun(
        preamble,
        points,
        options.warmup(),
        matrixSeconds,
        beforeMatrix,
        afterMatrix,
        large,
        options.largeSize(),
        afterLarge,
        others);
  }

  /**
   * Every operation × connection count × repeat, every side back to back; which side goes first
   * rotates from one round to the next (round k starts with side k mod the number of sides, then
   * the others in their order), so drift on the shared machine does not favour any.
   *
   * @param byOperation each operation's workloads, in the order of {@link #sides}
   */
  private List<SidePoint> matrix(
      ClosedLoopRun loop,
      Optional<DatabaseSessions> sessions,
      Map<String, List<Workload>> byOperation)
      throws InterruptedException {
    List<SidePoint> points = new ArrayList<>();
    int rounds = 0;
    int total = options.connections().size() * 2 * options.repeats() * sides.size();
    for (int connections : options.connections()) {
      for (String operation : List.of("PUT", "GET")) {
        List<Workload> workloads = byOperation.get(operation);
        for (int repeat = 1; repeat <= options.repeats(); repeat++) {
          for (int index : rotation(rounds++, sides.size())) {
            Workload w = workloads.get(index);
            OptionalLong before =
                sessions.map(DatabaseSessions::opened).orElse(OptionalLong.empty());
            PointResult p = loop.run(w, connections, options.warmup(), options.duration());
            OptionalLong after =
                sessions.map(DatabaseSessions::opened).orElse(OptionalLong.empty());
            String side = sides.get(index).name();
            SidePoint point =
                new SidePoint(side, operation, repeat, p, DatabaseSessions.between(before, after));
            points.add(point);
            XksBench.progress(
                "[%d/%d] %s %s × %d (repeat %d): %.0f req/s, p50 %s ms, p99 %s ms, server CPU %s"
                    + " ms/req, %s new DB sessions, %d errors",
                points.size(),
                total,
                w.scenario(),
                w.payload(),
                connections,
                repeat,
                p.throughput(),
                MarkdownReport.ms(p.latency().p50()),
                MarkdownReport.ms(p.latency().p99()),
                MarkdownReport.bridgeCpuPerRequest(p),
                point.databaseSessions().isPresent()
                    ? String.valueOf(point.databaseSessions().getAsLong())
                    : "?",
                p.errors().total());
          }
        }
      }
    }
    return points;
  }

  /** The sides' indices in round {@code round}: {@code round mod sides} first, then in order. */
  static List<Integer> rotation(int round, int sides) {
    List<Integer> order = new ArrayList<>(sides);
    for (int i = 0; i < sides; i++) {
      order.add((round + i) % sides);
    }
    return order;
  }

  /**
   * Each repeat: both uploads, then both downloads, the sides' order alternating by repeat. The API
   * against the bare baseline when it is measured, else against the token-checked one.
   */
  private List<LargeTransfer.Result> large() throws IOException {
    DocumentEndpoint baseline = baselines.get(0);
    GeneratedContent content = new GeneratedContent(CONTENT_SEED + 1, options.largeSize());
    XksBench.progress("large transfers of %s", ByteSize.describe(options.largeSize()));
    content.sha256();
    LargeTransfer transfer =
        new LargeTransfer(
            context,
            target,
            Math.toIntExact(options.largeTimeout().toMillis()),
            options.serverPid());
    List<LargeTransfer.Result> results = new ArrayList<>();
    for (int repeat = 1; repeat <= options.largeRepeats(); repeat++) {
      List<DocumentEndpoint> order =
          repeat % 2 == 1 ? List.of(api, baseline) : List.of(baseline, api);
      for (DocumentEndpoint side : order) {
        results.add(report(transfer.upload(side, LARGE_ID, content)));
      }
      for (DocumentEndpoint side : order) {
        results.add(report(transfer.download(side, LARGE_ID, content)));
      }
    }
    return results;
  }

  private static LargeTransfer.Result report(LargeTransfer.Result r) {
    XksBench.progress(
        "%s %s: %.2f s, %.0f MB/s, HTTP %d, %s, server RSS %d → %d MiB",
        r.side(),
        r.direction(),
        r.seconds(),
        r.megabytesPerSecond(),
        r.status(),
        r.verified() ? "verified" : "NOT VERIFIED",
        r.rss().startKib() / 1024,
        r.rss().peakKib() / 1024);
    return r;
  }

  private void createCollection() throws IOException, InterruptedException {
    byte[] request =
        HttpRequestBytes.post(
            "/api/v1/collections",
            target.hostHeader(),
            "application/json",
            api.headers(),
            ("{\"name\":\"" + options.collection() + "\",\"classification\":\"standard\"}")
                .getBytes(StandardCharsets.UTF_8));
    try (SetUpSession c = new SetUpSession()) {
      HttpResponse r = c.send(request, "POST /api/v1/collections");
      if (r.status() != 201 && r.status() != 409) {
        throw new IllegalStateException(
            "POST /api/v1/collections: HTTP " + r.status() + " " + excerpt(r));
      }
    }
  }

  /** One PUT per id, on one connection, each of which must succeed. */
  private void store(DocumentEndpoint side, List<String> ids, byte[] body)
      throws IOException, InterruptedException {
    try (SetUpSession c = new SetUpSession()) {
      for (String id : ids) {
        HttpResponse r = c.send(side.put(target, id, body), side + id);
        if (r.status() != 200 && r.status() != 201) {
          throw new IllegalStateException(side + id + ": HTTP " + r.status() + " " + excerpt(r));
        }
      }
    }
  }

  /**
   * The set-up's requests on one connection, opened again when the server closes it (Grizzly closes
   * the connection after a 503). A request is repeated while the answer is 503: the appliance's
   * first calls to a freshly started bridge (a wrap, the first unwrap) can exceed its 250 ms budget
   * while both JVMs are still cold.
   */
  private final class SetUpSession implements AutoCloseable {
    private TlsConnection connection;

    HttpResponse send(byte[] request, String what) throws IOException, InterruptedException {
      for (int attempt = 1; ; attempt++) {
        if (connection == null) {
          connection = TlsConnection.open(context, target);
        }
        HttpResponse r = connection.exchange(request);
        if (r.connectionClose()) {
          close();
        }
        if (r.status() != 503 || attempt == SET_UP_ATTEMPTS) {
          return r;
        }
        XksBench.progress("%s: HTTP 503 (attempt %d), trying again: %s", what, attempt, excerpt(r));
        Thread.sleep(1000);
      }
    }

    @Override
    public void close() {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }

  private ApplianceStatus status() throws IOException {
    return ApplianceStatus.fetch(context, target, api.headers());
  }

  private List<String> preamble(Instant started, String warmup) {
    List<String> lines = new ArrayList<>(options.notes());
    Runtime rt = Runtime.getRuntime();
    lines.add(
        String.format(
            Locale.ROOT,
            "Started %s; driver: Java %s (%s), %d CPUs seen, sharing them with the server, the"
                + " bridge and PostgreSQL",
            started,
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            rt.availableProcessors()));
    lines.add(
        String.format(
            Locale.ROOT,
            "API: `PUT`/`GET /api/v1/collections/%s/documents/{id}` (TLS, bearer token, content in"
                + " AES-256-GCM segments, audit event per write). %s; on the same listener (same"
                + " TLS), no crypto, no audit; the same rows (one document row through JPA, one 64"
                + " KiB segment row per chunk through JDBC batches, one transaction per PUT; reads"
                + " in one snapshot transaction, 16 rows per query)",
            options.collection(),
            describeBaselines()));
    lines.add(
        String.format(
            Locale.ROOT,
            "Closed loop: connections %s, %d repeat(s) per point and side, the %d sides (%s)"
                + " taking turns at going first; per point %s warm-up and %s measured; each"
                + " connection is one thread sending its next request when the previous answer is"
                + " in",
            options.connections(),
            options.repeats(),
            sides.size(),
            String.join(", ", sides.stream().map(DocumentEndpoint::name).toList()),
            options.warmup(),
            options.duration()));
    lines.add(
        String.format(
            Locale.ROOT,
            "Documents: %s of pseudo-random (incompressible) bytes; PUT replaces %d documents in"
                + " turn (each answered 200), GET reads %d others in turn and checks every byte",
            ByteSize.describe(options.documentSize()),
            options.documents(),
            options.documents()));
    lines.add(warmup);
    lines.add(
        "Latency: from writing the request to the end of the answer; throughput and latency count"
            + " successes only. CPU: cores busy during the measured window (driver / server /"
            + " everything else, including the bridge and PostgreSQL) from /proc; server CPU"
            + " ms/req is the Payara process's CPU time per successful request");
    return lines;
  }

  /** Every baseline measured: its side name, path and authentication. */
  private String describeBaselines() {
    List<String> each = new ArrayList<>();
    for (DocumentEndpoint b : baselines) {
      boolean token = b.name().equals(DocumentEndpoint.BASELINE_TOKEN);
      each.add(
          MarkdownReport.f(
              "%s (`%s`) `PUT`/`GET %s{id}`, %s",
              token ? "token-checked" : "bare",
              b.name(),
              b.path(""),
              token
                  ? "the same bearer token checked by the same MicroProfile JWT (role user)"
                  : "no token"));
    }
    return (baselines.size() == 1 ? "Baseline: " : "Baselines (one store): ")
        + String.join(", and ", each);
  }

  private static String excerpt(HttpResponse r) {
    return new String(r.body(), 0, Math.min(r.body().length, 300), StandardCharsets.UTF_8);
  }
}
