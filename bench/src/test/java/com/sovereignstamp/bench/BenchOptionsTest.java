package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final Map<String, String> ENV =
      Map.of(
          "XKS_URL", "https://127.0.0.1:18500",
          "XKS_URI_PREFIX", "/demo",
          "XKS_REGION", "eu-de",
          "XKS_ACCESS_KEY_ID", "AKID",
          "XKS_SECRET_ACCESS_KEY", "s3cr3t",
          "XKS_CA_CERT", "/i/ca.pem",
          "XKS_CLIENT_CERT", "/i/client.pem",
          "XKS_CLIENT_KEY", "/i/client.key",
          "XKS_KEY_ID", "stamp-cmk-1");

  @Test
  void withoutFlags_theInstanceEnvironmentAndTheDefaultMatrixApply() {
    BenchOptions o = BenchOptions.parse(new String[0], ENV::get);

    assertThat(o.url().getPort()).isEqualTo(18500);
    assertThat(o.hsmLabel()).isEqualTo("stamp-cmk-1");
    assertThat(o.payloads()).containsExactly(32, 4096);
    assertThat(o.connections()).containsExactly(1, 4, 16);
    assertThat(o.warmupMax()).isEqualTo(Duration.ofSeconds(300));
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(3));
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.rate()).isEqualTo(1000);
    assertThat(o.rateDuration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.latencyLimit()).isEqualTo(Duration.ofMillis(250));
    assertThat(o.out()).isEmpty();
  }

  @Test
  void flags_overrideTheEnvironment_inBothSpellings() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {"--connections", "2,8", "--duration=1s", "--out", "/tmp/r.md"}, ENV::get);

    assertThat(o.connections()).isEqualTo(List.of(2, 8));
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.out()).hasValueSatisfying(p -> assertThat(p).hasToString("/tmp/r.md"));
  }

  @Test
  void theSecret_cannotBeGivenOnTheCommandLine() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--secret", "x"}, ENV::get))
        .hasMessageContaining("unknown flag");
  }

  @Test
  void aMissingSecret_isNamedInTheError() {
    assertThatThrownBy(
            () ->
                BenchOptions.parse(
                    new String[0], k -> k.equals("XKS_SECRET_ACCESS_KEY") ? null : ENV.get(k)))
        .hasMessageContaining("XKS_SECRET_ACCESS_KEY");
  }

  @Test
  void durations_takeMillisecondsSecondsAndMinutes() {
    assertThat(BenchOptions.duration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(BenchOptions.duration("3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(BenchOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> BenchOptions.duration("soon"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTargetOtherThanLoopback_isRefused() {
    assertThatThrownBy(() -> Target.of(java.net.URI.create("https://10.0.0.1:8443"), 1000))
        .hasMessageContaining("127.0.0.1");
    assertThat(Target.of(java.net.URI.create("https://127.0.0.1:8443"), 1000).hostHeader())
        .isEqualTo("127.0.0.1:8443");
  }
}
