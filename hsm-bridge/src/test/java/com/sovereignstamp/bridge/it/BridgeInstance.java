package com.sovereignstamp.bridge.it;

import com.sovereignstamp.sigv4.SigningSecret;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real bridge for integration tests, set up and run exactly as the demo does it: {@code
 * bin/init-instance} (PKI, SoftHSM2 token, credentials) and {@code bin/run-bridge} (Payara Micro
 * with the built WAR), on a free loopback port.
 */
public final class BridgeInstance implements AutoCloseable {
  static final Path MODULE = Path.of(System.getProperty("bridge.module.dir", ".")).toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

  private final Path dir;
  private final Map<String, String> env;
  private Process process;

  private BridgeInstance(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  /** Runs init-instance into a fresh directory under target/it-instances. */
  public static BridgeInstance create(String name, Map<String, String> initEnv) throws Exception {
    Path dir =
        MODULE.resolve(
            "target/it-instances/" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
    Map<String, String> e = new HashMap<>(initEnv);
    e.put("BRIDGE_PORT", String.valueOf(freePort()));
    run(
        List.of(MODULE.resolve("bin/init-instance").toString(), dir.toString()),
        e,
        dir.getParent());
    return new BridgeInstance(dir, readEnv(dir.resolve("instance.env")));
  }

  public Path dir() {
    return dir;
  }

  public String env(String name) {
    String v = env.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " not in instance.env");
    }
    return v;
  }

  /** Appends a setting to bridge.properties (a later line wins); takes effect at the next start. */
  public BridgeInstance property(String key, String value) throws IOException {
    Files.writeString(
        dir.resolve("bridge.properties"), key + "=" + value + "\n", StandardOpenOption.APPEND);
    return this;
  }

  /** The value a key has in bridge.properties (the last line that sets it). */
  public String property(String key) throws IOException {
    String value = null;
    for (String line : Files.readAllLines(dir.resolve("bridge.properties"))) {
      if (line.startsWith(key + "=")) {
        value = line.substring(key.length() + 1);
      }
    }
    if (value == null) {
      throw new IllegalArgumentException(key + " not in bridge.properties");
    }
    return value;
  }

  /** Appends a variable to bridge.env, the environment of the bridge process. */
  public BridgeInstance bridgeEnv(String key, String value) throws IOException {
    Files.writeString(
        dir.resolve("bridge.env"), key + "=" + value + "\n", StandardOpenOption.APPEND);
    return this;
  }

  public synchronized void start() throws Exception {
    Path log = dir.resolve("bridge.log");
    process =
        new ProcessBuilder(MODULE.resolve("bin/run-bridge").toString(), dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try (XksClient c = client(Duration.ofSeconds(5))) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("bridge exited during start; log:\n" + tail(log));
        }
        try {
          c.health();
          return;
        } catch (RuntimeException notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "bridge not ready in " + START_TIMEOUT + "; log:\n" + tail(log));
          }
          Thread.sleep(300);
        }
      }
    }
  }

  public synchronized void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  public String log() throws IOException {
    return Files.readString(dir.resolve("bridge.log"));
  }

  public XksClient client() {
    return client(Duration.ofSeconds(2));
  }

  public XksClient client(Duration timeout) {
    return client(
        env("XKS_ACCESS_KEY_ID"),
        env("XKS_SECRET_ACCESS_KEY"),
        "XKS_CLIENT",
        timeout,
        Clock.systemUTC());
  }

  /**
   * @param certificate "XKS_CLIENT" (the appliance's certificate) or "XKS_OTHER_CLIENT"
   */
  public XksClient client(
      String accessKeyId, String secret, String certificate, Duration timeout, Clock clock) {
    return new XksClient(
        XksClientSettings.builder()
            .baseUrl(env("XKS_URL"))
            .uriPrefix(env("XKS_URI_PREFIX"))
            .region(env("XKS_REGION"))
            .credentials(accessKeyId, SigningSecret.of(secret))
            .sslContext(
                PemTls.mutual(
                    Path.of(env("XKS_CA_CERT")),
                    Path.of(env(certificate + "_CERT")),
                    Path.of(env(certificate + "_KEY"))))
            .requestTimeout(timeout)
            .clock(clock)
            .build());
  }

  /**
   * A plain HTTPS client of this bridge for its own endpoints (metrics, audit, witness).
   *
   * @param certificate the instance.env prefix of the client certificate: "XKS_CLIENT" (the
   *     appliance), "XKS_OTHER_CLIENT" or "AUDITOR"
   */
  public java.net.http.HttpClient https(String certificate) {
    return java.net.http.HttpClient.newBuilder()
        .sslContext(
            PemTls.mutual(
                Path.of(env("XKS_CA_CERT")),
                Path.of(env(certificate + "_CERT")),
                Path.of(env(certificate + "_KEY"))))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** The bridge's Prometheus metrics, scraped with the appliance's certificate. */
  public String metrics() {
    try (XksClient c = client()) {
      var r = c.send("GET", "/bridge/metrics", Map.of(), new byte[0], false);
      if (r.status() != 200) {
        throw new IllegalStateException("metrics scrape answered " + r.status());
      }
      return r.bodyText();
    }
  }

  /**
   * The sum of every series of one metric ({@code name} alone or {@code name{labels}}).
   *
   * @throws AssertionError if the metric is not there
   */
  public long metric(String name) {
    long sum = 0;
    boolean found = false;
    for (String line : metrics().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1).trim());
        found = true;
      }
    }
    if (!found) {
      throw new AssertionError(name + " not in the metrics");
    }
    return sum;
  }

  /** A request to one of this bridge's own endpoints. */
  public java.net.http.HttpRequest.Builder request(String path, Duration timeout) {
    return java.net.http.HttpRequest.newBuilder(java.net.URI.create(env("XKS_URL") + path))
        .timeout(timeout);
  }

  /** A client of another key store (URI prefix) of this bridge. */
  public XksClient client(String uriPrefix, String accessKeyId, String secret) {
    return new XksClient(
        XksClientSettings.builder()
            .baseUrl(env("XKS_URL"))
            .uriPrefix(uriPrefix)
            .region(env("XKS_REGION"))
            .credentials(accessKeyId, SigningSecret.of(secret))
            .sslContext(
                PemTls.mutual(
                    Path.of(env("XKS_CA_CERT")),
                    Path.of(env("XKS_CLIENT_CERT")),
                    Path.of(env("XKS_CLIENT_KEY"))))
            .requestTimeout(Duration.ofSeconds(2))
            .clock(Clock.systemUTC())
            .build());
  }

  /** Runs the key provisioner against this instance's SoftHSM2 token. */
  public void provision(String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "java",
                "--add-modules=jdk.crypto.cryptoki",
                "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "--add-opens=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp",
                MODULE.resolve("target/classes").toString(),
                "com.sovereignstamp.bridge.pkcs11.Pkcs11Provisioner",
                "/usr/lib/softhsm/libsofthsm2.so",
                "stamp-demo",
                dir.resolve("secrets/pkcs11.pin").toString()));
    cmd.addAll(List.of(args));
    run(cmd, softHsmEnv(), dir);
  }

  /** The environment that points SoftHSM2 tools at this instance's token directory. */
  public Map<String, String> softHsmEnv() {
    return Map.of("SOFTHSM2_CONF", dir.resolve("softhsm/softhsm2.conf").toString());
  }

  /** Runs {@code pkcs11-tool} on this instance's token, logged in; returns its output. */
  public String pkcs11Tool(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "pkcs11-tool",
                "--module",
                "/usr/lib/softhsm/libsofthsm2.so",
                "--token-label",
                "stamp-demo",
                "--login",
                "--pin",
                pin()));
    command.addAll(List.of(args));
    return run(command, softHsmEnv(), dir);
  }

  public String pin() throws IOException {
    return Files.readString(dir.resolve("secrets/pkcs11.pin")).strip();
  }

  static String run(List<String> command, Map<String, String> env, Path workDir) throws Exception {
    Files.createDirectories(workDir);
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }

  /** The variables of an instance's {@code instance.env} (any of the stamp's init-instance). */
  public static Map<String, String> readEnv(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
      }
    }
    return out;
  }

  /** A free TCP port on loopback. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
