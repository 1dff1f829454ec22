package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The XKS decrypt benchmark: closed-loop matrix (XKS decrypt and baseline, each payload, each
 * connection count) and one open-loop run of XKS decrypt at a fixed rate. Progress goes to stderr,
 * the Markdown report to stdout and {@code --out}.
 */
public final class XksBench {
  static final String SERVICE = "kms-xks-proxy";

  private final BenchOptions options;
  private final BridgeUnderTest bridge;

  XksBench(BenchOptions options) {
    this.options = options;
    this.bridge = new BridgeUnderTest(options);
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System::getenv);
    } catch (IllegalArgumentException e) {
      System.err.println("XksBench: " + e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(64);
      return;
    }
    String report = new XksBench(options).run();
    System.out.print(report);
    if (options.out().isPresent()) {
      Files.writeString(options.out().get(), report, StandardCharsets.UTF_8);
    }
  }

  String run() throws InterruptedException, IOException {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Workload[]> pairs = new ArrayList<>();
    for (DecryptFixture f : bridge.encryptFixtures()) {
      pairs.add(new Workload[] {bridge.xksDecrypt(f), bridge.baseline(f)});
    }
    InitialWarmup initial = new InitialWarmup(options, bridge.closedLoop());
    WarmupOutcome warmup = initial.run(pairs);
    List<PointResult> points = closedLoop(pairs);
    Optional<OpenLoopResult> openLoop = Optional.empty();
    if (options.rate() > 0) {
      openLoop = Optional.of(openLoop(pairs.get(0)[0]));
    }
    List<Goal> goals = GoalCheck.evaluate(points, openLoop);
    return MarkdownReport.render(
        "XKS decrypt benchmark",
        preamble(started, initial, warmup),
        points,
        openLoop,
        goals,
        BridgeCounters.scrape(bridge.context(), bridge.target()));
  }

  private List<PointResult> closedLoop(List<Workload[]> pairs) throws InterruptedException {
    ClosedLoopRun run = bridge.closedLoop();
    List<PointResult> points = new ArrayList<>();
    int total = pairs.size() * options.connections().size() * 2;
    for (Workload[] pair : pairs) {
      for (int connections : options.connections()) {
        for (Workload w : pair) {
          PointResult p = run.run(w, connections, options.warmup(), options.duration());
          points.add(p);
          progress(
              "[%d/%d] %s %s × %d: %.0f req/s, p50 %s ms, p99 %s ms, %d errors",
              points.size(),
              total,
              w.scenario(),
              w.payload(),
              connections,
              p.throughput(),
              MarkdownReport.ms(p.latency().p50()),
              MarkdownReport.ms(p.latency().p99()),
              p.errors().total());
        }
      }
    }
    return points;
  }

  private OpenLoopResult openLoop(Workload xks) throws InterruptedException {
    progress(
        "open loop: %s %s at %d/s over %d connections for %s",
        xks.scenario(),
        xks.payload(),
        options.rate(),
        options.rateConnections(),
        options.rateDuration());
    OpenLoopResult o =
        new OpenLoopRun(bridge.context(), bridge.target(), options.bridgePid())
            .run(
                xks,
                options.rateConnections(),
                options.rate(),
                options.warmup(),
                options.rateDuration(),
                options.latencyLimit());
    progress(
        "open loop: %.0f req/s, p99 %s ms, max %s ms, %d over the limit, %d errors",
        o.achievedRate(),
        MarkdownReport.ms(o.latency().p99()),
        MarkdownReport.ms(o.latency().max()),
        o.latency().overLimit(),
        o.errors().total());
    return o;
  }

  private List<String> preamble(Instant started, InitialWarmup initial, WarmupOutcome warmup) {
    List<String> lines = new ArrayList<>();
    options.note().ifPresent(lines::add);
    lines.add(
        "Started "
            + started
            + " against "
            + options.url()
            + options.uriPrefix()
            + ", key "
            + options.keyId());
    lines.addAll(method(options));
    lines.add(initial.describe(warmup));
    return lines;
  }

  /** How every closed-loop point is measured and what the report's columns mean. */
  static List<String> method(BenchOptions options) {
    Runtime rt = Runtime.getRuntime();
    return List.of(
        String.format(
            Locale.ROOT,
            "Machine: %d CPUs seen by the driver's JVM, Java %s; driver and bridge share them",
            rt.availableProcessors(),
            System.getProperty("java.version")),
        String.format(
            Locale.ROOT,
            "Per closed-loop point %s warm-up and %s measured; each connection is one thread"
                + " sending its next request when the previous answer is in",
            options.warmup(),
            options.duration()),
        "XKS requests: fresh kmsRequestId and SigV4 signature (host, content-type, x-amz-date)"
            + " each; caller AAD "
            + Fixtures.AAD_BYTES
            + " bytes; plaintext checked in every answer",
        "Throughput and latency count successes only (200 with the right plaintext); anything"
            + " else is an error. Closed-loop latency: from writing the request to the end of the"
            + " answer; open-loop: from the scheduled send time.",
        "CPU columns: cores busy during the measured window (driver / bridge / everything else"
            + " on the machine), from /proc; a high 'else' means the run shared the machine."
            + " Bridge CPU ms/req: the bridge's CPU time per successful request");
  }

  static void progress(String format, Object... args) {
    System.err.println(String.format(Locale.ROOT, format, args));
  }
}
