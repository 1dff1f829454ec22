package com.sovereignstamp.bench.crypto;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How JMH runs every case: one forked JVM per case, one thread, {@code warmups} timed warm-up
 * iterations (after {@link PreWarm}; the JIT and the providers' native set-up settle) and {@code
 * measurements} measured ones. Twelve cases take about four and a half minutes on 2 cores, the
 * forks' start-up included.
 */
record JmhSettings(
    int warmups,
    int warmupSeconds,
    int measurements,
    int measurementSeconds,
    List<String> jvmArgs) {
  static final JmhSettings DEFAULT =
      new JmhSettings(
          4,
          2,
          5,
          2,
          List.of("-Xms1g", "-Xmx1g", "-D" + BcFipsCheck.APPROVED_ONLY_PROPERTY + "=true"));

  static final int FORKS = 1;
  static final int THREADS = 1;

  ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options, String... extraJvmArgs) {
    return options
        .mode(Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        .forks(FORKS)
        .threads(THREADS)
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(warmupSeconds))
        .measurementIterations(measurements)
        .measurementTime(TimeValue.seconds(measurementSeconds))
        .jvmArgs(concat(jvmArgs, extraJvmArgs))
        .shouldFailOnError(true);
  }

  String describe() {
    return String.format(
        "throughput mode, %d fork per case, %d thread, warm-up %d × %d s, measured %d × %d s;"
            + " fork JVM options `%s`",
        FORKS,
        THREADS,
        warmups,
        warmupSeconds,
        measurements,
        measurementSeconds,
        String.join(" ", jvmArgs));
  }

  private static String[] concat(List<String> a, String[] b) {
    String[] all = a.toArray(new String[a.size() + b.length]);
    System.arraycopy(b, 0, all, a.size(), b.length);
    return all;
  }
}
