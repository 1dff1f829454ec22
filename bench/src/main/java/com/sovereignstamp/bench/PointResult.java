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
    Optional<CpuUsage> cpu) {

  /** Successful requests per second of the measured window. */
  double throughput() {
    return ok() * 1e9 / windowNanos;
  }
}
