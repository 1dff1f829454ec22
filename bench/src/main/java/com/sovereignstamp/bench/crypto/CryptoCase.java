package com.sovereignstamp.bench.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/** One benchmark case: what is measured, which operation, and the message size. */
record CryptoCase(Implementation implementation, String operation, int size) {
  static final List<String> OPERATIONS = List.of("encrypt", "decrypt");
  static final List<Integer> SIZES = List.of(4096, 1 << 20);

  /**
   * Every case, the three implementations of one operation and size next to each other, so that a
   * change in the machine's load between cases disturbs the ratios as little as it can.
   */
  static List<CryptoCase> all() {
    List<CryptoCase> cases = new ArrayList<>();
    for (String operation : OPERATIONS) {
      for (int size : SIZES) {
        for (Implementation implementation : Implementation.values()) {
          cases.add(new CryptoCase(implementation, operation, size));
        }
      }
    }
    return cases;
  }

  /** Restricts JMH to this case. */
  ChainedOptionsBuilder select(ChainedOptionsBuilder options) {
    Class<?> benchmark =
        implementation == Implementation.FORMAT_V1
            ? SegmentedFormatBenchmark.class
            : AesGcmBenchmark.class;
    options
        .include("^" + Pattern.quote(benchmark.getName() + "." + operation) + "$")
        .param("size", Integer.toString(size));
    if (implementation != Implementation.FORMAT_V1) {
      options.param("provider", implementation.provider().name());
    }
    return options;
  }
}
