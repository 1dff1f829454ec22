package com.sovereignstamp.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Java processes on the machine other than the driver and the servers under test: on a shared
 * machine another Payara or a Maven build competes for the same cores, and the report says so. Only
 * the kind of each is named (never its command line, which holds paths).
 */
final class OtherJvms {
  private OtherJvms() {}

  /** Kind → count of the Java processes running now, except {@code ours}. */
  static Map<String, Integer> now(Set<Long> ours) {
    Map<String, Integer> kinds = new TreeMap<>();
    long self = ProcessHandle.current().pid();
    ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self && !ours.contains(p.pid()))
        .forEach(
            p -> {
              String command = p.info().command().orElse("");
              if (command.endsWith("/java")) {
                kinds.merge(
                    kind(List.of(p.info().arguments().orElse(new String[0]))), 1, Integer::sum);
              }
            });
    return kinds;
  }

  /** What a Java process is, from its arguments. */
  static String kind(List<String> arguments) {
    String all = String.join(" ", arguments);
    if (all.contains("payara-micro")) {
      return "Payara Micro";
    }
    if (all.contains("surefire") || all.contains("failsafe")) {
      return "Maven test JVM";
    }
    if (all.contains("plexus-classworlds") || all.contains("org.codehaus.plexus.classworlds")) {
      return "Maven";
    }
    if (all.contains("org.openjdk.jmh")) {
      return "JMH";
    }
    return "other Java";
  }

  /** {@code none}, or e.g. {@code 2 (Payara Micro × 1, Maven × 1)}. */
  static String describe(Map<String, Integer> kinds) {
    if (kinds.isEmpty()) {
      return "none";
    }
    int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder sb = new StringBuilder().append(total).append(" (");
    String sep = "";
    for (Map.Entry<String, Integer> e : new TreeMap<>(kinds).entrySet()) {
      sb.append(sep).append(e.getKey()).append(" × ").append(e.getValue());
      sep = ", ";
    }
    return sb.append(')').toString();
  }
}
