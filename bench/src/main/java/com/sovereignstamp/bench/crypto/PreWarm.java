package com.sovereignstamp.bench.crypto;

/**
 * What every benchmark's set-up runs before JMH's own (timed) warm-up: {@link #ROUNDS} encryptions
 * and decryptions of messages of {@link #messageSize}.
 *
 * <p>Why: the JDK's GCM is fast only once C2 has compiled the Java methods that call its AES-CTR
 * and GHASH intrinsics, and for large messages that takes thousands of calls on the bulk path (for
 * more than 72 KiB, the Java stand-in for the AVX-512 GCM intrinsic splits the work in six parts).
 * At 1 MiB per call, running without the intrinsics at 25–40 MB/s, that is half a minute — longer
 * than a time-based warm-up, so the run would measure the slow path (a first version did: the JDK
 * at 0.02× Bouncy Castle FIPS). Messages of 96 KiB take the same path and get there in about three
 * seconds; a server that has handled a few thousand documents is past it too. Smaller benchmark
 * messages warm up at their own size. Both providers and the format get the same treatment.
 */
final class PreWarm {
  static final int ROUNDS = 3_000;
  private static final int BULK_PATH_SIZE = 96 * 1024;

  private PreWarm() {}

  static int messageSize(int benchmarkSize) {
    return Math.min(benchmarkSize, BULK_PATH_SIZE);
  }
}
