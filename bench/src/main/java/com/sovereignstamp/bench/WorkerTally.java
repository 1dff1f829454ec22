package com.sovereignstamp.bench;

import java.util.List;

/** What one connection thread measured: latencies, successes and errors. */
final class WorkerTally {
  final LatencyRecorder latencies = new LatencyRecorder();
  final ErrorCounts errors = new ErrorCounts();
  long ok;
  int connectionsOpened;

  static long ok(List<WorkerTally> tallies) {
    return tallies.stream().mapToLong(t -> t.ok).sum();
  }

  static long[] latencies(List<WorkerTally> tallies) {
    return LatencyRecorder.merge(tallies.stream().map(t -> t.latencies).toList());
  }

  static ErrorCounts errors(List<WorkerTally> tallies) {
    ErrorCounts all = new ErrorCounts();
    tallies.forEach(t -> all.addAll(t.errors));
    return all;
  }

  static int connectionsOpened(List<WorkerTally> tallies) {
    return tallies.stream().mapToInt(t -> t.connectionsOpened).sum();
  }
}
