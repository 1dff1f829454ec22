package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CPU time counters from Linux's {@code /proc}, all in the kernel's clock ticks: the machine's busy
 * and total time over all CPUs, this process's and (if known) the bridge process's. Two samples
 * give the cores each used in between without knowing the tick length.
 *
 * @param cpus the machine's CPUs ({@code cpuN} lines of {@code /proc/stat})
 * @param machineBusy user, nice, system, irq, softirq and steal time of all CPUs
 * @param machineTotal the same plus idle and iowait
 * @param driver this JVM's user and system time
 * @param bridge the bridge process's user and system time, or -1 when not known
 */
record CpuSample(int cpus, long machineBusy, long machineTotal, long driver, long bridge) {

  /** Reads the counters now; empty where {@code /proc} is not there. */
  static Optional<CpuSample> read(OptionalLong bridgePid) {
    try {
      String procStat = Files.readString(Path.of("/proc/stat"));
      long[] machine = machine(procStat);
      int cpus = (int) procStat.lines().filter(l -> l.matches("cpu\\d+ .*")).count();
      long driver = process(Files.readString(Path.of("/proc/self/stat")));
      long bridge = -1;
      if (bridgePid.isPresent()) {
        try {
          bridge = process(Files.readString(Path.of("/proc/" + bridgePid.getAsLong() + "/stat")));
        } catch (IOException e) {
          bridge = -1;
        }
      }
      return Optional.of(new CpuSample(cpus, machine[0], machine[1], driver, bridge));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Cores used between {@code earlier} and this sample. */
  CpuUsage since(CpuSample earlier) {
    double total = machineTotal - earlier.machineTotal;
    if (total <= 0) {
      return new CpuUsage(0, 0, -1, 0);
    }
    double machineCores = (machineBusy - earlier.machineBusy) / total * cpus;
    double driverCores = (driver - earlier.driver) / total * cpus;
    double bridgeCores =
        bridge < 0 || earlier.bridge < 0 ? -1 : (bridge - earlier.bridge) / total * cpus;
    double other = machineCores - driverCores - Math.max(0, bridgeCores);
    return new CpuUsage(machineCores, driverCores, bridgeCores, Math.max(0, other));
  }

  /**
   * @return busy and total ticks from the {@code cpu} line of {@code /proc/stat}
   */
  static long[] machine(String procStat) {
    String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow();
    String[] f = line.trim().split("\\s+");
    long user = Long.parseLong(f[1]);
    long nice = Long.parseLong(f[2]);
    long system = Long.parseLong(f[3]);
    long idle = Long.parseLong(f[4]);
    long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
    long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
    long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
    long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
    long busy = user + nice + system + irq + softirq + steal;
    return new long[] {busy, busy + idle + iowait};
  }

  /** utime + stime of a {@code /proc/PID/stat} line (the command name may contain spaces). */
  static long process(String pidStat) {
    String[] f = pidStat.substring(pidStat.lastIndexOf(')') + 2).trim().split("\\s+");
    // after the name: state(3) ppid(4) … utime(14) stime(15) — indexes 11 and 12 here
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
