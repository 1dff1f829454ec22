package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * XKS decrypt against several bridges that differ only in their audit trail (off, on with the
 * embedded H2 trail, on with the trail in PostgreSQL), in one run: each bridge is warmed up until
 * its CPU time per request has settled, then every point of the closed-loop matrix (payload ×
 * connections) is measured on each bridge in turn, one bridge at a time while the others idle, the
 * order reversed from one point to the next and from one repeat to the next so that drift on the
 * shared machine does not favour one side. The report gives each audited bridge's throughput as a
 * ratio to the unaudited one's at the same point. Progress goes to stderr, the Markdown report to
 * stdout and {@code --out}; {@code --state DIR} keeps the measured windows and the bridges' metrics
 * for {@link AuditTrailCheck}, which reads the trails once the bridges are stopped.
 */
public final class XksAuditBench {
  static final String BASELINE_VARIANT = "off";
  static final String USAGE =
      """
      usage: XksAuditBench --audit-bridges NAME:PID:INSTANCE_DIR,... [--repeats N] [--state DIR]
                           [XksBench flags...]
        --audit-bridges LIST   the bridges to compare; the one named 'off' (bridge.audit.enabled=false)
                               is the baseline. Each is read from INSTANCE_DIR/instance.env and
                               bridge.properties (made by hsm-bridge/bin/init-instance)
        --repeats N            times every point is measured on every bridge   (default 2)
        --state DIR            write points.tsv and metrics-NAME.txt here for AuditTrailCheck
      The XksBench flags (--payloads, --connections, --warmup-*, --duration, --out, --note...) apply
      to every bridge; --url, --key-id and the credentials come from each instance. There is no
      open-loop run (--rate is ignored).
      """;

  /** One bridge of the comparison. */
  record Variant(
      String name, Path instance, Map<String, String> properties, BridgeUnderTest bridge) {
    boolean audited() {
      return BridgeInstance.audited(properties);
    }

    /** What the bridge's audit setting is, for the report (no password: it is in a file). */
    String describe() {
      if (!audited()) {
        return "`" + name + "`: bridge.audit.enabled=false (no audit trail)";
      }
      return String.format(
          Locale.ROOT,
          "`%s`: audit trail in `%s`%s, max-batch %s, append-timeout %s",
          name,
          AuditTrailCheck.displayUrl(properties.getOrDefault("bridge.audit.jdbc.url", "?")),
          properties.getOrDefault("bridge.audit.journal.dir", "").isBlank()
              ? " (no journal)"
              : " with the journal",
          properties.getOrDefault("bridge.audit.max-batch", "512"),
          properties.getOrDefault("bridge.audit.append-timeout", "PT2S"));
    }
  }

  /** A measured point of one bridge. */
  record AuditPoint(String variant, int repeat, PointResult result) {}

  private final List<Variant> variants;
  private final BenchOptions common;
  private final int repeats;

  XksAuditBench(List<Variant> variants, int repeats) {
    this.variants = variants;
    this.common = variants.get(0).bridge().options();
    this.repeats = repeats;
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(USAGE);
      System.out.print(BenchOptions.USAGE);
      return;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String bridges = take(rest, "audit-bridges");
    String repeatText = take(rest, "repeats");
    String state = take(rest, "state");
    List<Variant> variants;
    int repeats;
    try {
      if (bridges == null) {
        throw new IllegalArgumentException("--audit-bridges is required");
      }
      repeats = repeatText == null ? 2 : Integer.parseInt(repeatText);
      if (repeats < 1) {
        throw new IllegalArgumentException("--repeats must be at least 1");
      }
      variants = variants(bridges, rest);
    } catch (IllegalArgumentException e) {
      System.err.println("XksAuditBench: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(64);
      return;
    }
    XksAuditBench bench = new XksAuditBench(variants, repeats);
    String report = bench.run(state == null ? null : Path.of(state));
    System.out.print(report);
    if (bench.common.out().isPresent()) {
      Files.writeString(bench.common.out().get(), report, StandardCharsets.UTF_8);
    }
  }

  /** Removes {@code --name value} or {@code --name=value} from the arguments; null if absent. */
  static String take(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--" + name + "=")) {
        args.remove(i);
        return a.substring(name.length() + 3);
      }
      if (a.equals("--" + name)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        args.remove(i);
        return args.remove(i);
      }
    }
    return null;
  }

  /** {@code NAME:PID:DIR,...}, each with the shared flags and its instance's variables. */
  static List<Variant> variants(String list, List<String> flags) {
    List<Variant> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String[] f = part.strip().split(":", 3);
      if (f.length != 3 || f[0].isEmpty()) {
        throw new IllegalArgumentException("expected NAME:PID:INSTANCE_DIR, got: " + part);
      }
      Path dir = Path.of(f[2]);
      Map<String, String> env;
      Map<String, String> properties;
      try {
        env = BridgeInstance.env(dir);
        properties = BridgeInstance.properties(dir);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the instance " + dir + ": " + e, e);
      }
      List<String> args = new ArrayList<>(flags);
      args.add("--bridge-pid");
      args.add(f[1]);
      BenchOptions options =
          BenchOptions.parse(
              args.toArray(String[]::new), k -> env.containsKey(k) ? env.get(k) : System.getenv(k));
      out.add(new Variant(f[0], dir, properties, new BridgeUnderTest(options)));
    }
    if (out.stream().noneMatch(v -> v.name().equals(BASELINE_VARIANT) && !v.audited())) {
      throw new IllegalArgumentException(
          "one bridge must be named '" + BASELINE_VARIANT + "' and run without an audit trail");
    }
    return List.copyOf(out);
  }

  String run(Path state) throws InterruptedException, IOException {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<List<Workload>> workloads = new ArrayList<>();
    for (Variant v : variants) {
      List<Workload> decrypts = new ArrayList<>();
      for (DecryptFixture f : v.bridge().encryptFixtures()) {
        decrypts.add(v.bridge().xksDecrypt(f));
      }
      workloads.add(decrypts);
    }
    List<String> preamble = new ArrayList<>();
    common.note().ifPresent(preamble::add);
    preamble.add(
        "Started " + started + "; bridges compared (one JVM each, started one after another):");
    variants.forEach(v -> preamble.add("  " + v.describe()));
    preamble.addAll(XksBench.method(common));
    for (int i = 0; i < variants.size(); i++) {
      Variant v = variants.get(i);
      XksBench.progress("warm-up of the bridge '%s'", v.name());
      InitialWarmup initial = new InitialWarmup(v.bridge().options(), v.bridge().closedLoop());
      List<Workload[]> groups = workloads.get(i).stream().map(w -> new Workload[] {w}).toList();
      preamble.add("`" + v.name() + "`: " + initial.describe(initial.run(groups)));
    }
    preamble.add(
        String.format(
            Locale.ROOT,
            "Every point measured %d time(s) on every bridge, one bridge at a time (the others"
                + " idle); the bridges' order alternates from point to point and from repeat to"
                + " repeat",
            repeats));
    List<AuditPoint> points = matrix(workloads);
    Map<String, List<String>> counters = new java.util.LinkedHashMap<>();
    for (Variant v : variants) {
      counters.put(v.name(), v.bridge().counters(AuditReport::isAuditCounter));
    }
    if (state != null) {
      writeState(state, points, counters);
    }
    return AuditReport.render(preamble, variants, points, counters);
  }

  private List<AuditPoint> matrix(List<List<Workload>> workloads) throws InterruptedException {
    List<AuditPoint> points = new ArrayList<>();
    int payloads = common.payloads().size();
    int total = repeats * payloads * common.connections().size() * variants.size();
    int pointIndex = 0;
    for (int repeat = 1; repeat <= repeats; repeat++) {
      for (int p = 0; p < payloads; p++) {
        for (int connections : common.connections()) {
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < variants.size(); i++) {
            order.add(i);
          }
          if ((pointIndex++ + repeat) % 2 == 0) {
            java.util.Collections.reverse(order);
          }
          for (int i : order) {
            Variant v = variants.get(i);
            Workload w = workloads.get(i).get(p);
            PointResult r =
                v.bridge().closedLoop().run(w, connections, common.warmup(), common.duration());
            points.add(new AuditPoint(v.name(), repeat, r));
            XksBench.progress(
                "[%d/%d] repeat %d, %s: %s × %d: %.0f req/s, p99 %s ms, bridge CPU %s ms/req,"
                    + " %d errors",
                points.size(),
                total,
                repeat,
                v.name(),
                w.payload(),
                connections,
                r.throughput(),
                MarkdownReport.ms(r.latency().p99()),
                MarkdownReport.bridgeCpuPerRequest(r),
                r.errors().total());
          }
        }
      }
    }
    return points;
  }

  /** {@code points.tsv}: variant, repeat, payload, connections, window (epoch ms), ok. */
  private static void writeState(
      Path dir, List<AuditPoint> points, Map<String, List<String>> counters) throws IOException {
    Files.createDirectories(dir);
    StringBuilder tsv = new StringBuilder();
    for (AuditPoint a : points) {
      PointResult r = a.result();
      tsv.append(
          String.join(
              "\t",
              a.variant(),
              Integer.toString(a.repeat()),
              r.payload(),
              Integer.toString(r.connections()),
              Long.toString(r.windowStartMillis()),
              Long.toString(r.windowEndMillis()),
              Long.toString(r.ok())));
      tsv.append('\n');
    }
    Files.writeString(dir.resolve("points.tsv"), tsv, StandardCharsets.UTF_8);
    for (Map.Entry<String, List<String>> e : counters.entrySet()) {
      Files.write(dir.resolve("metrics-" + e.getKey() + ".txt"), e.getValue());
    }
  }
}
