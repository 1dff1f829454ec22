package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident set of a process, sampled from {@code /proc/PID/status} every {@link #PERIOD_MILLIS}
 * while something runs: the value at the start and the highest seen. Without {@code /proc} or a
 * pid, both are unknown.
 */
final class ResidentSetSampler implements AutoCloseable {
  static final long PERIOD_MILLIS = 50;

  /**
   * @param startKib resident set when sampling began, KiB (-1 unknown)
   * @param peakKib the highest sample, KiB (-1 unknown)
   */
  record Peak(long startKib, long peakKib) {
    boolean known() {
      return startKib >= 0 && peakKib >= 0;
    }
  }

  private final Optional<Path> status;
  private final long start;
  private final AtomicLong peak = new AtomicLong(-1);
  private final Thread thread;
  private volatile boolean running = true;

  private ResidentSetSampler(Optional<Path> status) {
    this.status = status;
    this.start = sample().orElse(-1);
    peak.set(start);
    this.thread = new Thread(this::loop, "rss-sampler");
    thread.setDaemon(true);
    if (status.isPresent()) {
      thread.start();
    }
  }

  /** Starts sampling the process (nothing is sampled when the pid is unknown). */
  static ResidentSetSampler start(OptionalLong pid) {
    return new ResidentSetSampler(
        pid.isPresent()
            ? Optional.of(Path.of("/proc/" + pid.getAsLong() + "/status"))
            : Optional.empty());
  }

  /** Stops sampling and returns what was seen. */
  Peak stop() {
    close();
    return new Peak(start, peak.get());
  }

  private void loop() {
    while (running) {
      sample().ifPresent(kib -> peak.accumulateAndGet(kib, Math::max));
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private OptionalLong sample() {
    if (status.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return vmRssKib(Files.readString(status.get()));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The {@code VmRSS:} line of a {@code /proc/PID/status} text, in KiB. */
  static OptionalLong vmRssKib(String procStatus) {
    return procStatus
        .lines()
        .filter(l -> l.startsWith("VmRSS:"))
        .findFirst()
        .map(l -> l.substring("VmRSS:".length()).trim().split("\\s+")[0])
        .map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }

  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      if (thread.isAlive()) {
        thread.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample().ifPresent(kib -> peak.accumulateAndGet(kib, Math::max));
  }
}
