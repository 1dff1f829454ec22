package com.sovereignstamp.bench;

import java.util.Optional;

/**
 * One open-loop run at a fixed rate.
 *
 * @param scenario e.g. {@code xks-decrypt}
 * @param payload e.g. {@code 32 B}
 * @param connections the connections the schedule is spread over
 * @param ratePerSecond the target rate
 * @param windowNanos the measured window (warm-up excluded)
 * @param scheduled requests due in the window
 * @param ok requests that got the expected answer
 * @param latency of every answered or failed request in the window, from its scheduled send time to
 *     its end
 * @param errors requests without the expected answer (included in {@code latency} if they ended)
 * @param connectionsOpened TLS connections opened in all
 * @param cpu cores busy during the window, where the machine tells
 */
record OpenLoopResult(
    String scenario,
    String payload,
    int connections,
    int ratePerSecond,
    long windowNanos,
    long scheduled,
    long ok,
    LatencySummary latency,
    ErrorCounts errors,
    int connectionsOpened,
    Optional<CpuUsage> cpu) {

  /** Completed requests (answered or failed) per second of the window. */
  double achievedRate() {
    return latency.count() * 1e9 / windowNanos;
  }
}
