package com.sovereignstamp.bench.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The machine's busy CPU time from Linux's {@code /proc/stat}: two readings give how many cores
 * were busy in between. A case measured with one benchmark thread keeps about one core busy; much
 * more means other work shared the machine while it ran.
 */
record MachineLoad(int cpus, long busyTicks, long totalTicks) {
  /** Now, or empty where there is no {@code /proc/stat}. */
  static Optional<MachineLoad> read() {
    try {
      String stat = Files.readString(Path.of("/proc/stat"));
      String[] f =
          stat.lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow().split("\\s+");
      long busy = 0;
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        long ticks = Long.parseLong(f[i]);
        total += ticks;
        if (i != 4 && i != 5) { // idle, iowait
          busy += ticks;
        }
      }
      int cpus = (int) stat.lines().filter(l -> l.matches("cpu\\d+ .*")).count();
      return Optional.of(new MachineLoad(cpus, busy, total));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Cores busy on average since {@code earlier}. */
  OptionalDouble busyCoresSince(MachineLoad earlier) {
    long total = totalTicks - earlier.totalTicks;
    if (total <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((double) (busyTicks - earlier.busyTicks) / total * cpus);
  }
}
