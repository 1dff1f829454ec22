package com.sovereignstamp.bench.crypto;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.util.Version;

/**
 * The Markdown report of one run: per operation and message size, MB/s of the JDK's raw GCM (the
 * baseline), of Bouncy Castle FIPS' raw GCM and of the format's segments, with the ratios against
 * the baseline of the same run; then what was measured and how.
 */
record CryptoReport(
    String command,
    Instant started,
    RunEnvironment environment,
    JmhSettings settings,
    Set<String> fipsStatus,
    String loadBefore,
    String loadAfter,
    List<Throughput> results) {
  private static final double PURE_JAVA_SUSPECT_MB_PER_SECOND = 100;

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# AES-256-GCM: Bouncy Castle FIPS vs the JDK\n\n");
    md.append("- ")
        .append(started.truncatedTo(ChronoUnit.SECONDS))
        .append(", `")
        .append(command)
        .append("`\n");
    md.append("- ")
        .append(environment.java())
        .append("; ")
        .append(environment.cpus())
        .append(" CPUs (")
        .append(environment.cpuModel())
        .append("); load average ")
        .append(loadBefore)
        .append(" before, ")
        .append(loadAfter)
        .append(" after\n");
    md.append("- JMH ").append(Version.getPlainVersion()).append(": ");
    md.append(settings.describe()).append('\n');
    if (fipsStatus.isEmpty()) {
      md.append("- Bouncy Castle FIPS: no fork reported its status\n");
    }
    for (String status : fipsStatus) {
      md.append("- Bouncy Castle FIPS in the forks: ").append(status).append('\n');
    }
    md.append('\n');
    warnings(md);
    table(md);
    md.append(
        String.format(
            Locale.ROOT,
            """

        MB/s: 10^6 plaintext bytes per second, ± JMH's 99.9%% confidence half-width. Every ratio is \
        against the JDK's raw GCM at the same operation and size, measured in this run; the three \
        cases of a row ran one after another. Busy cores: the machine's average while each case \
        (JDK / BC FIPS / format) ran, its fork's start-up included; one benchmark thread keeps about \
        one busy, so much more means other work shared the machine and the row is less reliable.

        ## What is measured

        - **Raw GCM** (`AesGcmBenchmark`): one whole message per operation, `Cipher.init` with a \
        256-bit key and a 96-bit nonce, then one `doFinal` into a buffer allocated once; no AAD, \
        128-bit tag. Encryption takes a fresh nonce every time (a random 32-bit prefix and a \
        64-bit counter, the same code for both providers); decryption opens the same valid \
        ciphertext again and again.
        - **Format v1** (`SegmentedFormatBenchmark`, docs/format.md): one whole object per \
        operation through `SegmentEncryptor`/`SegmentDecryptor`, on Bouncy Castle FIPS. Encrypting \
        starts a new object as every write does (salt and nonce prefix from the approved \
        HMAC-SHA-512 DRBG of `BcFips.drbg()`, which is prediction-resistant: it reseeds from the \
        platform's entropy on every request; per-object key by HKDF-SHA-256; a new cipher) and \
        seals 64 KiB segments, each with its own nonce, header ‖ context as AAD, and a new output \
        array; decrypting parses the header, derives the key and opens every segment. 4 KiB is one \
        segment, 1 MiB sixteen. Segments go straight from and into arrays (the streaming \
        `encrypt(InputStream, …)` adds one copy; not measured).
        - Warm-up: before JMH's own warm-up every fork encrypts and decrypts %,d messages of \
        min(size, 96 KiB) (`PreWarm`): the JDK's GCM uses its intrinsics for 1 MiB messages only \
        once C2 has compiled its bulk path, which a time-based warm-up of 1 MiB calls does not \
        get to in time.
        - Bouncy Castle FIPS runs in approved-only mode in every fork \
        (`-Dorg.bouncycastle.fips.approved_only=true`, checked before measuring); the JDK cases \
        run in identical forks.
        """,
            PreWarm.ROUNDS));
    return md.toString();
  }

  private void warnings(StringBuilder md) {
    if (fipsStatus.stream().anyMatch(s -> !BcFipsCheck.isNativeGcm(s))) {
      md.append(
          "**Bouncy Castle FIPS ran without its native AES-GCM in at least one fork: its figures"
              + " are the pure-Java fallback, not what production runs.**\n\n");
    }
    find(Implementation.BC_FIPS_GCM, "encrypt", 1 << 20)
        .filter(t -> t.megabytesPerSecond() < PURE_JAVA_SUSPECT_MB_PER_SECOND)
        .ifPresent(
            t ->
                md.append(
                    "**Bouncy Castle FIPS encrypts 1 MiB at under 100 MB/s: that is its pure-Java"
                        + " speed; check that its native library loaded.**\n\n"));
    for (String operation : CryptoCase.OPERATIONS) {
      Optional<Throughput> small = find(Implementation.JDK_GCM, operation, 4096);
      Optional<Throughput> large = find(Implementation.JDK_GCM, operation, 1 << 20);
      if (small.isPresent()
          && large.isPresent()
          && large.get().megabytesPerSecond() < 0.1 * small.get().megabytesPerSecond()) {
        md.append("**The JDK's ")
            .append(operation)
            .append(" of 1 MiB runs at under a tenth of its 4 KiB speed: the JIT had not compiled")
            .append(" its bulk path; the warm-up was too short.**\n\n");
      }
    }
  }

  private void table(StringBuilder md) {
    md.append("| operation | message | JDK MB/s | BC FIPS MB/s | **BC FIPS / JDK** |")
        .append(" format MB/s | **format / JDK** | format / BC FIPS | busy cores |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (String operation : CryptoCase.OPERATIONS) {
      results.stream()
          .map(Throughput::measured)
          .filter(c -> c.operation().equals(operation))
          .mapToInt(CryptoCase::size)
          .distinct()
          .sorted()
          .forEach(size -> row(md, operation, size));
    }
  }

  private void row(StringBuilder md, String operation, int size) {
    Optional<Throughput> jdk = find(Implementation.JDK_GCM, operation, size);
    Optional<Throughput> bc = find(Implementation.BC_FIPS_GCM, operation, size);
    Optional<Throughput> format = find(Implementation.FORMAT_V1, operation, size);
    md.append("| ").append(operation).append(" | ").append(sizeLabel(size)).append(" | ");
    md.append(rate(jdk)).append(" | ").append(rate(bc)).append(" | **");
    md.append(ratio(bc, jdk)).append("** | ").append(rate(format)).append(" | **");
    md.append(ratio(format, jdk)).append("** | ").append(ratio(format, bc)).append(" | ");
    md.append(busy(jdk)).append(" / ").append(busy(bc)).append(" / ").append(busy(format));
    md.append(" |\n");
  }

  private Optional<Throughput> find(Implementation implementation, String operation, int size) {
    return results.stream()
        .filter(t -> t.measured().equals(new CryptoCase(implementation, operation, size)))
        .findFirst();
  }

  private static String rate(Optional<Throughput> t) {
    return t.map(
            x ->
                String.format(
                    Locale.ROOT, "%,.0f ± %,.0f", x.megabytesPerSecond(), x.megabytesError()))
        .orElse("—");
  }

  private static String busy(Optional<Throughput> t) {
    return t.flatMap(x -> x.busyCores().isPresent() ? Optional.of(x.busyCores()) : Optional.empty())
        .map(b -> String.format(Locale.ROOT, "%.1f", b.getAsDouble()))
        .orElse("?");
  }

  private static String ratio(Optional<Throughput> a, Optional<Throughput> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "—";
    }
    return String.format(
        Locale.ROOT, "%.2f", a.get().megabytesPerSecond() / b.get().megabytesPerSecond());
  }

  static String sizeLabel(int size) {
    if (size % (1 << 20) == 0) {
      return size / (1 << 20) + " MiB";
    }
    if (size % 1024 == 0) {
      return size / 1024 + " KiB";
    }
    return size + " B";
  }
}
