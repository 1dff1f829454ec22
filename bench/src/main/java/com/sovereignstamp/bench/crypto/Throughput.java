package com.sovereignstamp.bench.crypto;

import java.util.OptionalDouble;

/**
 * One measured case: whole messages per second, with JMH's 99.9% confidence half-width, and the
 * cores the machine kept busy meanwhile (see {@link MachineLoad}).
 */
record Throughput(
    CryptoCase measured, double opsPerSecond, double opsError, OptionalDouble busyCores) {

  /** Plaintext megabytes (10^6 bytes) per second. */
  double megabytesPerSecond() {
    return opsPerSecond * measured.size() / 1e6;
  }

  double megabytesError() {
    return opsError * measured.size() / 1e6;
  }
}
