package com.sovereignstamp.bench;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonArray;
import com.sovereignstamp.audit.canonical.JsonNumber;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.sigv4.SigningSecret;
import com.sovereignstamp.xks.client.KeyMetadata;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;
import com.sovereignstamp.xks.client.XksRawResponse;
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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How fast a watching client learns of a key revocation at the bridge. Per trial: the appliance's
 * credential holds {@code POST /bridge/watch} open with the policy's current version; officer 1
 * revokes the key over the admin API; the watch's answer time is taken against the revoke call's
 * send and return times; then officers 1 and 2 reinstate the key (not timed). The baseline, in the
 * same run and interleaved with the trials: the round trip of an XKS metadata call. Progress goes
 * to stderr, the Markdown report to stdout and {@code --out}.
 */
public final class WatchLatencyBench {
  static final String TITLE = "Officers: revocation to watcher";
  static final Duration WATCH_WAIT = Duration.ofSeconds(20);
  static final Duration WATCH_ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final WatchOptions options;
  private final Map<String, String> env;
  private final String bridgeName;
  private final String keyStore;
  private final String keyId;

  /** One watch answer: its status, the policy version, the key's status, when it was in. */
  record Seen(int status, long version, String keyStatus, long answeredAt, String body) {}

  WatchLatencyBench(WatchOptions options) throws IOException {
    this.options = options;
    this.env = BridgeInstance.env(options.instance());
    Map<String, String> properties = BridgeInstance.properties(options.instance());
    this.bridgeName = required(properties, "bridge.audit.origin");
    this.keyStore = required(env, "XKS_URI_PREFIX");
    this.keyId = required(env, "XKS_KEY_ID");
    // Target refuses anything but 127.0.0.1: the driver connects to loopback only.
    Target.of(URI.create(required(env, "XKS_URL")), 1);
    Target.of(URI.create(required(env, "ADMIN_URL")), 1);
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(WatchOptions.USAGE);
      return;
    }
    WatchOptions options;
    try {
      options = WatchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("WatchLatencyBench: " + e.getMessage());
      System.err.print(WatchOptions.USAGE);
      System.exit(64);
      return;
    }
    String report = new WatchLatencyBench(options).run();
    System.out.print(report);
    if (options.out().isPresent()) {
      Files.writeString(options.out().get(), report, StandardCharsets.UTF_8);
    }
    System.exit(0); // the HTTP clients' selector threads are not daemons
  }

  String run() throws Exception {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String loadBefore = loadAverage();
    Officers officers =
        new Officers(
            env, bridgeName, keyStore, keyId, new OfficerApprovals(options.officerClasspath()));
    List<WatchTrial> trials = new ArrayList<>();
    LatencyRecorder metadata = new LatencyRecorder();
    Optional<CpuSample> cpuBefore = Optional.empty();
    ExecutorService watchThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "watcher");
              t.setDaemon(true);
              return t;
            });
    try (XksClient watcher = xksClient(WATCH_WAIT.plusSeconds(10));
        XksClient baseline = xksClient(Duration.ofSeconds(10))) {
      int total = options.warmupTrials() + options.trials();
      for (int i = 0; i < total; i++) {
        boolean measured = i >= options.warmupTrials();
        if (i == options.warmupTrials()) {
          cpuBefore = CpuSample.read(options.bridgePid());
        }
        for (int k = 0; k < options.metadataPerTrial(); k++) {
          long t0 = System.nanoTime();
          KeyMetadata md = baseline.metadata(keyId);
          long t1 = System.nanoTime();
          if (!"ENABLED".equals(md.keyStatus())) {
            throw new IllegalStateException("metadata before trial " + i + ": " + md);
          }
          if (measured) {
            metadata.add(t1 - t0);
          }
        }
        WatchTrial trial = trial(i, watcher, officers, watchThread);
        if (measured) {
          trials.add(trial);
        }
        officers.reinstate();
        if ((i + 1) % 20 == 0 || i + 1 == total) {
          progress(
              "%d/%d trials%s; last: watch answer %s ms after the revoke call returned",
              i + 1, total, measured ? "" : " (warm-up)", MarkdownReport.ms(trial.afterReturn()));
        }
      }
    } finally {
      watchThread.shutdownNow();
    }
    Optional<CpuUsage> cpu =
        cpuBefore.flatMap(b -> CpuSample.read(options.bridgePid()).map(a -> a.since(b)));
    WatchReport report = new WatchReport(trials, metadata.toArray(), options.goal().toNanos());
    return report.render(TITLE, preamble(started, loadBefore), cpu);
  }

  /** One revocation, the key enabled before and revoked after. */
  private WatchTrial trial(int i, XksClient watcher, Officers officers, ExecutorService thread)
      throws Exception {
    Seen current = watch(watcher, -1, 1_000);
    if (current.status() != 200 || !"ENABLED".equals(current.keyStatus())) {
      throw new IllegalStateException("watch before trial " + i + ": " + current.body());
    }
    long version = current.version();
    Future<Seen> held = thread.submit(() -> watch(watcher, version, WATCH_WAIT.toMillis()));
    Thread.sleep(options.hold().toMillis()); // the watch is held open at the bridge
    if (held.isDone()) {
      throw new IllegalStateException(
          "trial " + i + ": the watch answered before the revocation: " + held.get().body());
    }
    long sent = System.nanoTime();
    officers.revoke();
    long returned = System.nanoTime();
    Seen seen = held.get(WATCH_ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (seen.status() != 200 || !"REVOKED".equals(seen.keyStatus()) || seen.version() <= version) {
      throw new IllegalStateException(
          "trial " + i + ": the watch answered " + seen.status() + ": " + seen.body());
    }
    return new WatchTrial(sent, returned, seen.answeredAt());
  }

  /** A watch of the key; the answer time is taken as soon as the whole answer is in. */
  private Seen watch(XksClient client, long since, long waitMillis) {
    byte[] body =
        CanonicalJson.serialize(
            CanonicalJson.object()
                .put("keyStore", keyStore)
                .put("keys", CanonicalJson.array().add(keyId))
                .put("since", since)
                .put("waitMillis", waitMillis)
                .build());
    XksRawResponse r = client.send("POST", "/bridge/watch", Map.of(), body, true);
    long at = System.nanoTime();
    String text = r.bodyText();
    if (r.status() != 200) {
      return new Seen(r.status(), -1, "", at, text);
    }
    JsonObject o = (JsonObject) CanonicalJson.parse(text.getBytes(StandardCharsets.UTF_8));
    JsonObject k = (JsonObject) ((JsonArray) o.get("keys")).elements().get(0);
    return new Seen(
        200,
        (long) ((JsonNumber) o.get("version")).value(),
        ((JsonString) k.get("status")).value(),
        at,
        text);
  }

  /** The appliance's XKS client: its certificate and SigV4 credential. */
  private XksClient xksClient(Duration timeout) {
    return new XksClient(
        XksClientSettings.builder()
            .baseUrl(required(env, "XKS_URL"))
            .uriPrefix(keyStore)
            .region(required(env, "XKS_REGION"))
            .credentials(
                required(env, "XKS_ACCESS_KEY_ID"),
                SigningSecret.of(required(env, "XKS_SECRET_ACCESS_KEY")))
            .sslContext(
                PemTls.mutual(
                    Path.of(required(env, "XKS_CA_CERT")),
                    Path.of(required(env, "XKS_CLIENT_CERT")),
                    Path.of(required(env, "XKS_CLIENT_KEY"))))
            .requestTimeout(timeout)
            .build());
  }

  private List<String> preamble(Instant started, String loadBefore) {
    Runtime rt = Runtime.getRuntime();
    List<String> lines = new ArrayList<>();
    options.note().ifPresent(lines::add);
    options.command().ifPresent(c -> lines.add("Command: `" + c + "`"));
    lines.add(
        f(
            "Started %s against %s (admin API %s), key store %s, key %s",
            started, env.get("XKS_URL"), env.get("ADMIN_URL"), keyStore, keyId));
    lines.add(
        f(
            "Machine: %d CPUs seen by the driver's JVM, Java %s, %s %s; load average before the"
                + " run %s; driver and bridge share the machine",
            rt.availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            loadBefore));
    lines.add(
        f(
            "%d measured trials after %d warm-up trials (not counted); per trial %d baseline"
                + " metadata calls, then one revocation watched by one client",
            options.trials(), options.warmupTrials(), options.metadataPerTrial()));
    lines.add(
        f(
            "Per trial: the appliance's credential (mTLS + SigV4) asks POST /bridge/watch for the"
                + " policy's version, then holds a watch with it (waitMillis %d) for %d ms before"
                + " officer 1 sends POST /bridge/admin/keys/{id}/revoke over its own mTLS"
                + " connection; both connections are persistent HTTP/1.1 and already open."
                + " Times are the driver's System.nanoTime(): the revoke call's send (before the"
                + " request is handed to the HTTP client) and return (its whole 200 answer in), and"
                + " the watch's answer (its whole 200 answer in, on the watcher's thread). Then"
                + " officers 1 and 2 reinstate the key (approvals signed by the bridge's officer"
                + " tool in the driver; not timed)",
            WATCH_WAIT.toMillis(), options.hold().toMillis()));
    lines.add(
        "(a) can be negative: the bridge wakes the watchers before it answers the officer."
            + " (b) is the watcher's notification delay, counted from the officer's send; it"
            + " contains the revocation's own work (durable policy change, audit record, HSM"
            + " attributes cleared when bridge.policy.hsm-revocation is on)");
    lines.add(
        "Baseline: the round trip of an XKS metadata call (POST {prefix}/kms/xks/v1/keys/{id}"
            + "/metadata, fresh SigV4 signature, same client certificate and credential as the"
            + " watcher, own persistent connection), made before each trial's watch");
    return lines;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String required(Map<String, String> map, String name) {
    String v = map.get(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalStateException("the bridge instance has no " + name);
    }
    return v;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static void progress(String format, Object... args) {
    System.err.println("WatchLatencyBench: " + f(format, args));
  }
}
