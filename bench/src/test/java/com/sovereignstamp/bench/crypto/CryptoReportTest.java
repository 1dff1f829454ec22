package com.sovereignstamp.bench.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CryptoReportTest {
  private static final String NATIVE =
      "BCFIPS v2.1.2; approved-only mode: yes; native library: loaded (variant vaes);"
          + " native AES-GCM: yes";
  private static final String PURE_JAVA =
      "BCFIPS v2.1.2; approved-only mode: yes; native library: NOT loaded (x);"
          + " native AES-GCM: NO";

  @Test
  void ratios_areAgainstTheJdkAtTheSameOperationAndSize() {
    String md =
        report(
                Set.of(NATIVE),
                List.of(
                    t(Implementation.JDK_GCM, "encrypt", 4096, 250_000),
                    t(Implementation.BC_FIPS_GCM, "encrypt", 4096, 100_000),
                    t(Implementation.FORMAT_V1, "encrypt", 4096, 50_000)))
            .markdown();
    // 250,000 × 4096 B = 1,024 MB/s; BC 0.40 of it; the format 0.20 of the JDK, 0.50 of BC.
    assertThat(md)
        .contains(
            "| encrypt | 4 KiB | 1,024 ± 0 | 410 ± 0 | **0.40** | 205 ± 0 | **0.20** | 0.50 |")
        .doesNotContain("pure-Java");
  }

  @Test
  void aForkWithoutTheNativeLibrary_isFlagged() {
    String md =
        report(Set.of(NATIVE, PURE_JAVA), List.of(t(Implementation.JDK_GCM, "decrypt", 4096, 1)))
            .markdown();
    assertThat(md).contains("without its native AES-GCM");
  }

  @Test
  void pureJavaSpeedAt1MiB_isFlaggedEvenWhenTheForksSayNative() {
    String md =
        report(Set.of(NATIVE), List.of(t(Implementation.BC_FIPS_GCM, "encrypt", 1 << 20, 20)))
            .markdown();
    assertThat(md).contains("under 100 MB/s");
  }

  @Test
  void aJdkThatDidNotReachItsBulkPath_isFlagged() {
    String md =
        report(
                Set.of(NATIVE),
                List.of(
                    t(Implementation.JDK_GCM, "encrypt", 4096, 250_000),
                    t(Implementation.JDK_GCM, "encrypt", 1 << 20, 30)))
            .markdown();
    assertThat(md).contains("the warm-up was too short").contains("99.9% confidence");
  }

  @Test
  void sizes_areShownInBinaryUnits() {
    assertThat(CryptoReport.sizeLabel(4096)).isEqualTo("4 KiB");
    assertThat(CryptoReport.sizeLabel(1 << 20)).isEqualTo("1 MiB");
    assertThat(CryptoReport.sizeLabel(100)).isEqualTo("100 B");
  }

  private static Throughput t(Implementation i, String op, int size, double opsPerSecond) {
    return new Throughput(new CryptoCase(i, op, size), opsPerSecond, 0, OptionalDouble.of(1.04));
  }

  private static CryptoReport report(Set<String> status, List<Throughput> results) {
    return new CryptoReport(
        "bench/run-crypto-bench",
        Instant.parse("2026-11-29T10:00:00Z"),
        new RunEnvironment("OpenJDK 64-Bit Server VM 17.0.15 (Debian)", 2, "Some CPU"),
        JmhSettings.DEFAULT,
        status,
        "0.50",
        "1.00",
        results);
  }
}
