package com.sovereignstamp.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The appliance benchmark's settings, from {@code --flag value} (or {@code --flag=value}); where to
 * connect defaults to an appliance instance's {@code instance.env} ({@code STAMP_API_URL}, {@code
 * STAMP_CA_CERT}). The bearer token is read from a file, never from the command line.
 */
record ApplianceBenchOptions(
    URI url,
    Path caCert,
    Path tokenFile,
    String collection,
    BaselineAuth baselineAuth,
    List<Integer> connections,
    int repeats,
    long documentSize,
    int documents,
    Duration warmupMin,
    Duration warmupMax,
    Duration warmupSlice,
    int warmupConnections,
    Duration warmup,
    Duration duration,
    long largeSize,
    int largeRepeats,
    Duration timeout,
    Duration largeTimeout,
    OptionalLong serverPid,
    List<Long> otherPids,
    List<String> notes,
    Optional<Path> out) {

  static final String USAGE =
      """
      usage: ApplianceBench --token-file FILE [--flag value]...
        --url URL               the appliance's API, https://127.0.0.1:PORT  (default $STAMP_API_URL)
        --ca FILE               its CA certificate (PEM)                     (default $STAMP_CA_CERT)
        --token-file FILE       a bearer token with the roles user (documents) and any status role
        --collection NAME       collection the API's documents go to         (default bench)
        --connections LIST      connection counts of the closed loop         (default 1,4,16)
        --repeats N             times each point is measured on each side    (default 2)
        --document-size SIZE    body of the PUT/GET documents                (default 4KiB)
        --documents N           documents each workload rotates over         (default 256)
        --warmup-min D          unmeasured load before the matrix: at least  (default 120s)
        --warmup-max D          ... at most; 0 skips it                      (default 300s)
        --warmup-slice D        ... in slices of this per workload until the
                                server's CPU per request has settled         (default 5s)
        --warmup-connections N  ... over this many connections               (default 4)
        --warmup D              warm-up before each measured point           (default 3s)
        --duration D            measured time per point                      (default 10s)
        --large-size SIZE       the large upload/download; 0 skips it        (default 1GiB)
        --large-repeats N       large transfers per side and direction       (default 2)
        --timeout D             connect/read timeout of one small exchange   (default 10s)
        --large-timeout D       read timeout of a large transfer             (default 10m)
        --server-pid PID        the Payara process, for its CPU and memory   (default: none)
        --other-pids LIST       further processes of the run (the bridge), not counted as
                                other load
        --baseline-auth none|token|both
                                the baselines the API is measured against: the bare one
                                (/baseline/documents/…), the same store behind the same MP-JWT
                                token check as the API (/baseline/authenticated/…), or both
                                in the same run                              (default both)
        --note TEXT             a line for the report's preamble (may be repeated)
        --out FILE              also write the Markdown report here
      Sizes: 4096, 4KiB, 1GiB. Durations: 500ms, 3s, 1m.
      """;

  static ApplianceBenchOptions parse(String[] args, Function<String, String> env) {
    List<String> notes = new ArrayList<>();
    Map<String, String> flags = flags(args, notes);
    ApplianceBenchOptions o =
        new ApplianceBenchOptions(
            URI.create(value(flags, "url", env.apply("STAMP_API_URL"))),
            Path.of(value(flags, "ca", env.apply("STAMP_CA_CERT"))),
            Path.of(value(flags, "token-file", null)),
            value(flags, "collection", "bench"),
            BaselineAuth.parse(value(flags, "baseline-auth", "both")),
            BenchOptions.ints(value(flags, "connections", "1,4,16")),
            positive(value(flags, "repeats", "2"), "--repeats"),
            ByteSize.parse(value(flags, "document-size", "4KiB")),
            positive(value(flags, "documents", "256"), "--documents"),
            BenchOptions.duration(value(flags, "warmup-min", "120s")),
            BenchOptions.duration(value(flags, "warmup-max", "300s")),
            BenchOptions.duration(value(flags, "warmup-slice", "5s")),
            positive(value(flags, "warmup-connections", "4"), "--warmup-connections"),
            BenchOptions.duration(value(flags, "warmup", "3s")),
            BenchOptions.duration(value(flags, "duration", "10s")),
            ByteSize.parse(value(flags, "large-size", "1GiB")),
            positive(value(flags, "large-repeats", "2"), "--large-repeats"),
            BenchOptions.duration(value(flags, "timeout", "10s")),
            BenchOptions.duration(value(flags, "large-timeout", "10m")),
            Optional.ofNullable(flags.remove("server-pid"))
                .map(p -> OptionalLong.of(Long.parseLong(p)))
                .orElse(OptionalLong.empty()),
            Optional.ofNullable(flags.remove("other-pids"))
                .map(l -> BenchOptions.ints(l).stream().map(Integer::longValue).toList())
                .orElse(List.of()),
            List.copyOf(notes),
            Optional.ofNullable(flags.remove("out")).map(Path::of));
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown flag(s): --" + String.join(", --", flags.keySet()));
    }
    if (o.documentSize() < 1 || o.documentSize() > HttpResponseReader.MAX_BODY) {
      throw new IllegalArgumentException(
          "--document-size must be 1 byte to " + ByteSize.describe(HttpResponseReader.MAX_BODY));
    }
    if (!o.collection().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException("--collection must be 1-63 of a-z 0-9 - _");
    }
    return o;
  }

  /** Which baselines the API is measured against ({@code --baseline-auth}). */
  enum BaselineAuth {
    /** The bare baseline only, no token. */
    NONE(true, false),
    /** The baseline behind the same bearer-token check as the API only. */
    TOKEN(false, true),
    /** Both baselines, in the same run. */
    BOTH(true, true);

    private final boolean bare;
    private final boolean token;

    BaselineAuth(boolean bare, boolean token) {
      this.bare = bare;
      this.token = token;
    }

    static BaselineAuth parse(String value) {
      return switch (value) {
        case "none" -> NONE;
        case "token" -> TOKEN;
        case "both" -> BOTH;
        default ->
            throw new IllegalArgumentException("--baseline-auth must be none, token or both");
      };
    }

    /** Whether the bare baseline ({@link DocumentEndpoint#BASELINE}) is measured. */
    boolean bare() {
      return bare;
    }

    /** Whether the token-checked baseline ({@link DocumentEndpoint#BASELINE_TOKEN}) is measured. */
    boolean token() {
      return token;
    }
  }

  private static Map<String, String> flags(String[] args, List<String> notes) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() == 2) {
        throw new IllegalArgumentException("expected --flag, got: " + a);
      }
      String name;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        name = a.substring(2);
        value = args[++i];
      } else {
        throw new IllegalArgumentException(a + " needs a value");
      }
      if (name.equals("note")) {
        notes.add(value);
      } else {
        flags.put(name, value);
      }
    }
    return flags;
  }

  private static String value(Map<String, String> flags, String name, String fallback) {
    String v = flags.remove(name);
    String chosen = v != null ? v : fallback;
    if (chosen == null || chosen.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return chosen;
  }

  private static int positive(String text, String flag) {
    int n;
    try {
      n = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1) {
      throw new IllegalArgumentException(flag + " must be a positive number");
    }
    return n;
  }
}
