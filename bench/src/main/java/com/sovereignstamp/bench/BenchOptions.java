package com.sovereignstamp.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The driver's settings, from {@code --flag value} (or {@code --flag=value}) arguments. Where to
 * connect defaults to the variables of a bridge instance's {@code instance.env} ({@code XKS_URL}
 * and friends); the SigV4 secret is read from {@code XKS_SECRET_ACCESS_KEY} only, never from the
 * command line, where any local user could see it.
 */
record BenchOptions(
    URI url,
    String uriPrefix,
    String region,
    String accessKeyId,
    String secretAccessKey,
    Path caCert,
    Path clientCert,
    Path clientKey,
    String keyId,
    String hsmLabel,
    List<Integer> payloads,
    List<Integer> connections,
    Duration warmupMin,
    Duration warmupMax,
    Duration warmupSlice,
    int warmupConnections,
    Duration warmup,
    Duration duration,
    int rate,
    int rateConnections,
    Duration rateDuration,
    Duration latencyLimit,
    Duration timeout,
    OptionalLong bridgePid,
    Optional<String> note,
    Optional<Path> out) {

  static final String USAGE =
      """
      usage: XksBench [--flag value]...
        --url URL              bridge base URL, https://127.0.0.1:PORT   (default $XKS_URL)
        --prefix PREFIX        key store URI prefix                      (default $XKS_URI_PREFIX)
        --region REGION        SigV4 region                              (default $XKS_REGION)
        --access-key-id ID     SigV4 access key id                       (default $XKS_ACCESS_KEY_ID)
        --ca FILE              CA certificate (PEM)                      (default $XKS_CA_CERT)
        --cert FILE            client certificate (PEM)                  (default $XKS_CLIENT_CERT)
        --key FILE             client key, PKCS#8 PEM                    (default $XKS_CLIENT_KEY)
        --key-id ID            external key id                           (default $XKS_KEY_ID)
        --hsm-label LABEL      HSM key label for the baseline            (default: the key id)
        --payloads LIST        plaintext sizes in bytes                  (default 32,4096)
        --connections LIST     connection counts of the closed loop      (default 1,4,16)
        --warmup-min D         unmeasured load before the matrix: at least (default 60s)
        --warmup-max D         ... at most; 0 skips it                   (default 300s)
        --warmup-slice D       ... in slices of this per workload until
                               the bridge has settled (JIT warm-up)      (default 5s)
        --warmup-connections N ... over this many connections            (default 4)
        --warmup DURATION      warm-up before each measured point        (default 3s)
        --duration DURATION    measured time per point                   (default 10s)
        --rate N               open-loop XKS decrypts per second, 0=off  (default 1000)
        --rate-connections N   connections of the open loop              (default 16)
        --rate-duration D      measured time of the open loop            (default 20s)
        --latency-limit D      the client's deadline counted against     (default 250ms)
        --timeout D            connect/read timeout of one exchange      (default 5s)
        --bridge-pid PID       the bridge's process, to report its CPU use (default: none)
        --note TEXT            a line to add to the report's preamble
        --out FILE             also write the Markdown report here
      The SigV4 secret comes from $XKS_SECRET_ACCESS_KEY. Durations: 500ms, 3s, 1m.
      """;

  static BenchOptions parse(String[] args, Function<String, String> env) {
    Map<String, String> flags = flags(args);
    String keyId = value(flags, "key-id", env.apply("XKS_KEY_ID"));
    BenchOptions o =
        new BenchOptions(
            URI.create(value(flags, "url", env.apply("XKS_URL"))),
            Optional.ofNullable(flags.remove("prefix"))
                .orElse(Optional.ofNullable(env.apply("XKS_URI_PREFIX")).orElse("")),
            value(flags, "region", env.apply("XKS_REGION")),
            value(flags, "access-key-id", env.apply("XKS_ACCESS_KEY_ID")),
            required("$XKS_SECRET_ACCESS_KEY", env.apply("XKS_SECRET_ACCESS_KEY")),
            Path.of(value(flags, "ca", env.apply("XKS_CA_CERT"))),
            Path.of(value(flags, "cert", env.apply("XKS_CLIENT_CERT"))),
            Path.of(value(flags, "key", env.apply("XKS_CLIENT_KEY"))),
            keyId,
            value(flags, "hsm-label", keyId),
            ints(value(flags, "payloads", "32,4096")),
            ints(value(flags, "connections", "1,4,16")),
            duration(value(flags, "warmup-min", "60s")),
            duration(value(flags, "warmup-max", "300s")),
            duration(value(flags, "warmup-slice", "5s")),
            Integer.parseInt(value(flags, "warmup-connections", "4")),
            duration(value(flags, "warmup", "3s")),
            duration(value(flags, "duration", "10s")),
            Integer.parseInt(value(flags, "rate", "1000")),
            Integer.parseInt(value(flags, "rate-connections", "16")),
            duration(value(flags, "rate-duration", "20s")),
            duration(value(flags, "latency-limit", "250ms")),
            duration(value(flags, "timeout", "5s")),
            Optional.ofNullable(flags.remove("bridge-pid"))
                .map(p -> OptionalLong.of(Long.parseLong(p)))
                .orElse(OptionalLong.empty()),
            Optional.ofNullable(flags.remove("note")),
            Optional.ofNullable(flags.remove("out")).map(Path::of));
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown flag(s): --" + String.join(", --", flags.keySet()));
    }
    return o;
  }

  /** Parses {@code 250ms}, {@code 3s}, {@code 2m}. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException("not a duration (e.g. 500ms, 3s, 1m): " + text);
  }

  static List<Integer> ints(String list) {
    List<Integer> out = new ArrayList<>();
    for (String part : list.split(",")) {
      int n = Integer.parseInt(part.trim());
      if (n < 1) {
        throw new IllegalArgumentException("expected positive numbers: " + list);
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() == 2) {
        throw new IllegalArgumentException("expected --flag, got: " + a);
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        flags.put(a.substring(2, eq), a.substring(eq + 1));
      } else if (i + 1 < args.length) {
        flags.put(a.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(a + " needs a value");
      }
    }
    return flags;
  }

  private static String value(Map<String, String> flags, String name, String fallback) {
    String v = flags.remove(name);
    return required("--" + name, v != null ? v : fallback);
  }

  private static String required(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  @Override
  public String toString() {
    return "BenchOptions[url=" + url + ", prefix=" + uriPrefix + ", keyId=" + keyId + "]";
  }
}
