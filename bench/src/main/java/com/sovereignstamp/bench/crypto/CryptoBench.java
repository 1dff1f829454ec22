package com.sovereignstamp.bench.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the AES-256-GCM benchmarks (JMH, forked JVMs in Bouncy Castle FIPS approved-only mode) and
 * writes the Markdown report: MB/s per case and the ratio against the JDK's provider measured in
 * the same run.
 *
 * <pre>java -cp … com.sovereignstamp.bench.crypto.CryptoBench --out REPORT.md [--command TEXT]
 * </pre>
 *
 * JMH's own progress goes to standard output.
 */
public final class CryptoBench {
  private CryptoBench() {}

  public static void main(String[] args) throws IOException, RunnerException {
    Path out = null;
    String command = "bench/run-crypto-bench";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(value(args, ++i));
        case "--command" -> command = value(args, ++i);
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (out == null) {
      usage("--out is required");
    }
    Files.writeString(out, run(command), StandardCharsets.UTF_8);
  }

  static String run(String command) throws IOException, RunnerException {
    Path statusFile = Files.createTempFile("crypto-bench-fips-status", ".txt");
    try {
      Instant started = Instant.now();
      String loadBefore = RunEnvironment.loadAverage();
      List<Throughput> results = new ArrayList<>();
      for (CryptoCase c : CryptoCase.all()) {
        results.add(measure(c, statusFile));
      }
      return new CryptoReport(
              command,
              started,
              RunEnvironment.current(),
              JmhSettings.DEFAULT,
              new LinkedHashSet<>(Files.readAllLines(statusFile, StandardCharsets.UTF_8)),
              loadBefore,
              RunEnvironment.loadAverage(),
              results)
          .markdown();
    } finally {
      Files.deleteIfExists(statusFile);
    }
  }

  /** One case in its own forked JVM, with the machine's load meanwhile. */
  private static Throughput measure(CryptoCase c, Path statusFile) throws RunnerException {
    Options options =
        JmhSettings.DEFAULT
            .applyTo(
                c.select(new OptionsBuilder()),
                "-D" + BcFipsCheck.STATUS_FILE_PROPERTY + "=" + statusFile)
            .build();
    Optional<MachineLoad> before = MachineLoad.read();
    Collection<RunResult> runs = new Runner(options).run();
    Optional<MachineLoad> after = MachineLoad.read();
    if (runs.size() != 1) {
      throw new IllegalStateException(c + " ran " + runs.size() + " benchmarks, not one");
    }
    Result<?> result = runs.iterator().next().getPrimaryResult();
    OptionalDouble busy =
        before.isPresent() && after.isPresent()
            ? after.get().busyCoresSince(before.get())
            : OptionalDouble.empty();
    return new Throughput(c, result.getScore(), result.getScoreError(), busy);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("CryptoBench: " + problem);
    System.err.println("usage: CryptoBench --out REPORT.md [--command TEXT]");
    System.exit(64);
  }
}
