package com.sovereignstamp.bench.crypto;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The JVM and machine a run measured on, as the report states them (no paths, no host name). */
record RunEnvironment(String java, int cpus, String cpuModel) {
  static RunEnvironment current() {
    String java =
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")";
    return new RunEnvironment(java, Runtime.getRuntime().availableProcessors(), readCpuModel());
  }

  /** The one-minute load average now, or "?" where the platform does not tell. */
  static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
  }

  private static String readCpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException | RuntimeException e) {
      return "unknown CPU";
    }
  }
}
