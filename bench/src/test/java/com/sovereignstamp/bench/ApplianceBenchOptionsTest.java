package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplianceBenchOptionsTest {
  private static final Map<String, String> ENV =
      Map.of("STAMP_API_URL", "https://127.0.0.1:18445", "STAMP_CA_CERT", "/i/tls/ca.pem");

  @Test
  void withATokenFileOnly_theInstanceAndTheIssuesMatrixApply() {
    ApplianceBenchOptions o =
        ApplianceBenchOptions.parse(new String[] {"--token-file", "/w/token"}, ENV::get);

    assertThat(o.url().getPort()).isEqualTo(18445);
    assertThat(o.connections()).containsExactly(1, 4, 16);
    assertThat(o.documentSize()).isEqualTo(4096);
    assertThat(o.largeSize()).isEqualTo(1L << 30);
    assertThat(o.repeats()).isEqualTo(2);
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.serverPid()).isEmpty();
    assertThat(o.notes()).isEmpty();
    assertThat(o.baselineAuth()).isEqualTo(ApplianceBenchOptions.BaselineAuth.BOTH);
  }

  @Test
  void byDefault_bothBaselinesAreMeasured_noneOrTokenMeasuresOnlyOne() {
    ApplianceBenchOptions.BaselineAuth both =
        ApplianceBenchOptions.parse(new String[] {"--token-file", "/w/token"}, ENV::get)
            .baselineAuth();
    ApplianceBenchOptions.BaselineAuth none =
        ApplianceBenchOptions.parse(
                new String[] {"--token-file", "/w/token", "--baseline-auth", "none"}, ENV::get)
            .baselineAuth();
    ApplianceBenchOptions.BaselineAuth token =
        ApplianceBenchOptions.parse(
                new String[] {"--token-file", "/w/token", "--baseline-auth=token"}, ENV::get)
            .baselineAuth();

    assertThat(both.bare()).isTrue();
    assertThat(both.token()).isTrue();
    assertThat(none.bare()).isTrue();
    assertThat(none.token()).isFalse();
    assertThat(token.bare()).isFalse();
    assertThat(token.token()).isTrue();
    assertThat(
            ApplianceBenchOptions.parse(
                    new String[] {"--token-file", "/w/token", "--baseline-auth", "both"}, ENV::get)
                .baselineAuth())
        .isEqualTo(both);
  }

  @Test
  void notesMayBeRepeated_otherFlagsOverrideTheDefaults() {
    ApplianceBenchOptions o =
        ApplianceBenchOptions.parse(
            new String[] {
              "--token-file=/w/token", "--note", "one", "--note=two", "--large-size", "0",
              "--server-pid", "42", "--other-pids", "7,8", "--connections", "2"
            },
            ENV::get);

    assertThat(o.notes()).containsExactly("one", "two");
    assertThat(o.largeSize()).isZero();
    assertThat(o.serverPid()).hasValue(42);
    assertThat(o.otherPids()).containsExactly(7L, 8L);
    assertThat(o.connections()).containsExactly(2);
  }

  @Test
  void withoutATokenFile_orWithAnUnknownFlag_theDriverRefusesToStart() {
    assertThatThrownBy(() -> ApplianceBenchOptions.parse(new String[0], ENV::get))
        .hasMessageContaining("--token-file");
    assertThatThrownBy(
            () ->
                ApplianceBenchOptions.parse(
                    new String[] {"--token-file", "/t", "--token", "abc"}, ENV::get))
        .hasMessageContaining("unknown flag(s): --token");
    assertThatThrownBy(
            () ->
                ApplianceBenchOptions.parse(
                    new String[] {"--token-file", "/t", "--repeats", "0"}, ENV::get))
        .hasMessageContaining("--repeats");
    assertThatThrownBy(
            () ->
                ApplianceBenchOptions.parse(
                    new String[] {"--token-file", "/t", "--baseline-auth", "jwt"}, ENV::get))
        .hasMessageContaining("--baseline-auth must be none, token or both");
  }
}
