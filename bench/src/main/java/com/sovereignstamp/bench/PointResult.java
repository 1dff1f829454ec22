package com.sovereignstamp.bench;

import java.util.Optional;

/**
 * One closed-loop point of the matrix.
 *
 * @param scenario e.g. {@code xks-decrypt}
 * @param payload e.g. {@code 32 B}
 * @param connections concurrent connections (one thread each)
 * @param windowNanos the measured window (warm-up excluded)
 * @param ok requests that got the expected answer
 * @param latency of the successful requests
 * @param errors the requests that did not get the expected answer
 * @param connectionsOpened TLS connections opened in all (more than {@code connections} means some
 *     were lost and reopened)
 * @param cpu cores busy during the window, where the machine tells
 * @param windowStartMillis when the measured window opened, in milliseconds since the epoch (to
 *     find what the bridge recorded during it)
 */
record PointResult(
    String scenario,
    String payload,
    int connections,
    long windowNanos,
    long ok,
    LatencySummary latency,
    ErrorCounts errors,
    int connectionsOpened,
    Optional<CpuUsage> cpu,
    long windowStartMillis) {

  /** Successful requests per second of the measured window. */
  double throughput() {
    return ok() * 1e9 / windowNanos;
  }

  /** When the measured window closed, in milliseconds since the epoch. */
  long windowEndMillis() {
    return windowStartMillis + windowNanos / 1_000_000;
  }
}
