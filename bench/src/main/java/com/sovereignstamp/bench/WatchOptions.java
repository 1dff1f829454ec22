package com.sovereignstamp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The settings of {@link WatchLatencyBench}, from {@code --flag value} arguments. Everything about
 * the bridge (URLs, certificates, credentials, officers) comes from the instance directory's files,
 * never from the command line.
 *
 * @param instance the bridge instance made by {@code hsm-bridge/bin/init-instance}
 * @param officerClasspath where {@code com.sovereignstamp.bridge.officer.OfficerTool} and its
 *     libraries are (the bridge's classes; entries ending in {@code /*} mean every jar there)
 * @param trials measured trials
 * @param warmupTrials trials run first and not counted (a fresh JVM on both sides)
 * @param metadataPerTrial baseline metadata calls per trial
 * @param hold how long the watch is held open at the bridge before the revoke is sent
 * @param goal the goal for (a) at p99
 */
record WatchOptions(
    Path instance,
    String officerClasspath,
    int trials,
    int warmupTrials,
    int metadataPerTrial,
    Duration hold,
    Duration goal,
    OptionalLong bridgePid,
    Optional<String> note,
    Optional<String> command,
    Optional<Path> out) {

  static final int DEFAULT_TRIALS = 200;

  static final String USAGE =
      """
      usage: WatchLatencyBench --instance DIR --officer-classpath CP [--flag value]...
        --instance DIR            bridge instance made by hsm-bridge/bin/init-instance (required)
        --officer-classpath CP    the bridge's classes and libraries, for OfficerTool (required)
        --trials N                measured revocations                         (default 200)
        --warmup-trials N         revocations run first and not counted        (default 20)
        --metadata-per-trial N    baseline XKS metadata calls per trial        (default 3)
        --hold-ms N               the watch is held this long before revoking  (default 200)
        --goal-ms N               goal: p99 of (watch answer - revoke returned) (default 100)
        --bridge-pid PID          the bridge's process, for its CPU use
        --note TEXT               first line of the report
        --command TEXT            the command line shown in the report
        --out FILE                also write the Markdown report there
      """;

  private static final Set<String> FLAGS =
      Set.of(
          "--instance",
          "--officer-classpath",
          "--trials",
          "--warmup-trials",
          "--metadata-per-trial",
          "--hold-ms",
          "--goal-ms",
          "--bridge-pid",
          "--note",
          "--command",
          "--out");

  WatchOptions {
    if (trials < 1) {
      throw new IllegalArgumentException("--trials must be at least 1");
    }
    if (warmupTrials < 0 || metadataPerTrial < 1) {
      throw new IllegalArgumentException(
          "--warmup-trials must be at least 0 and --metadata-per-trial at least 1");
    }
    if (hold.isNegative() || goal.isNegative() || goal.isZero()) {
      throw new IllegalArgumentException("--hold-ms must be at least 0 and --goal-ms positive");
    }
  }

  static WatchOptions parse(String[] args) {
    Map<String, String> o = new HashMap<>();
    List<String> list = List.of(args);
    for (int i = 0; i < list.size(); i++) {
      String arg = list.get(i);
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg;
        if (i + 1 >= list.size()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = list.get(++i);
      }
      if (!FLAGS.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      if (o.put(name, value) != null) {
        throw new IllegalArgumentException(name + " given twice");
      }
    }
    String instance = o.get("--instance");
    String classpath = o.get("--officer-classpath");
    if (instance == null || instance.isEmpty() || classpath == null || classpath.isEmpty()) {
      throw new IllegalArgumentException("--instance and --officer-classpath are required");
    }
    return new WatchOptions(
        Path.of(instance),
        classpath,
        number(o, "--trials", DEFAULT_TRIALS),
        number(o, "--warmup-trials", 20),
        number(o, "--metadata-per-trial", 3),
        Duration.ofMillis(number(o, "--hold-ms", 200)),
        Duration.ofMillis(number(o, "--goal-ms", 100)),
        o.containsKey("--bridge-pid")
            ? OptionalLong.of(number(o, "--bridge-pid", 0))
            : OptionalLong.empty(),
        Optional.ofNullable(o.get("--note")),
        Optional.ofNullable(o.get("--command")),
        Optional.ofNullable(o.get("--out")).map(Path::of));
  }

  private static int number(Map<String, String> o, String name, int fallback) {
    String v = o.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
    }
  }
}
