package com.sovereignstamp.bench;

/**
 * One measured point of one side of the appliance comparison.
 *
 * @param side {@link DocumentEndpoint#API}, {@link DocumentEndpoint#BASELINE} or {@link
 *     DocumentEndpoint#BASELINE_TOKEN}
 * @param operation {@code PUT} or {@code GET}
 * @param repeat 1, 2, … (the sides' order rotates from repeat to repeat)
 * @param result what the closed loop measured
 * @param databaseSessions new PostgreSQL sessions opened during the point, its warm-up included
 *     (empty when not counted)
 */
record SidePoint(
    String side,
    String operation,
    int repeat,
    PointResult result,
    java.util.OptionalLong databaseSessions) {

  /**
   * New database sessions per request of the point: its sessions over the requests of its warm-up
   * and measured window, the warm-up's counted at the measured rate.
   *
   * @param warmupNanos the point's warm-up
   */
  java.util.OptionalDouble sessionsPerRequest(long warmupNanos) {
    double requests = result.throughput() * (result.windowNanos() + warmupNanos) / 1e9;
    return databaseSessions.isPresent() && requests > 0
        ? java.util.OptionalDouble.of(databaseSessions.getAsLong() / requests)
        : java.util.OptionalDouble.empty();
  }
}
