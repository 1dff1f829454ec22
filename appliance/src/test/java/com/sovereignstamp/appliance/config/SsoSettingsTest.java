package com.sovereignstamp.appliance.config;

import static com.sovereignstamp.appliance.config.DemoSettings.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoSettingsTest {
  @Test
  void theKeysAreFetchedFromTheIssuersCertsEndpointByDefault() {
    SsoSettings sso = ApplianceSettings.from(config(Map.of())).sso();
    assertThat(sso.issuer()).isEqualTo("https://sso.example/realms/stamp");
    assertThat(sso.jwksUrl())
        .isEqualTo(URI.create("https://sso.example/realms/stamp/protocol/openid-connect/certs"));
    assertThat(sso.jwksFile()).isEqualTo(Path.of("/var/lib/stamp/sso/jwks.json"));
    assertThat(sso.audiences()).containsExactly("stamp-api");
    assertThat(sso.refreshInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(sso.caFile()).isEmpty();
  }

  @Test
  void everyDefaultCanBeSet() {
    SsoSettings sso =
        ApplianceSettings.from(
                config(
                    Map.of(
                        "stamp.sso.jwks-url", "https://idp.internal/keys",
                        "stamp.sso.ca-file", "/etc/stamp/sso-ca.pem",
                        "stamp.sso.jwks-refresh", "PT30S",
                        "stamp.sso.timeout", "PT2S",
                        "mp.jwt.verify.audiences", "stamp-api, stamp-console")))
            .sso();
    assertThat(sso.jwksUrl()).isEqualTo(URI.create("https://idp.internal/keys"));
    assertThat(sso.caFile()).contains(Path.of("/etc/stamp/sso-ca.pem"));
    assertThat(sso.refreshInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(sso.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(sso.audiences()).isEqualTo(List.of("stamp-api", "stamp-console"));
  }

  @Test
  void theRuntimeReadsTheKeysFromALocalFileOnly() {
    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    config(
                        Map.of(
                            "mp.jwt.verify.publickey.location",
                            "https://sso.example/realms/stamp/protocol/openid-connect/certs"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("mp.jwt.verify.publickey.location must be a file: URL");
  }

  @Test
  void productionTrustsAnIssuerOverHttpsOnly() {
    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    config(
                        Map.of(
                            "stamp.profile", "production",
                            "stamp.db.url", "jdbc:postgresql://127.0.0.1/stamp",
                            "stamp.bridge.pinned-certificate-files", "/etc/stamp/bridge.pem",
                            "mp.jwt.verify.issuer", "http://sso.example/realms/stamp"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("production trusts an issuer over https only");
  }

  @Test
  void aRefreshOutsideOneSecondToFiveMinutesOrNoAudienceStopsTheStart() {
    assertThatThrownBy(
            () -> ApplianceSettings.from(config(Map.of("stamp.sso.jwks-refresh", "PT0.5S"))))
        .hasMessageContaining("stamp.sso.jwks-refresh");
    assertThatThrownBy(
            () -> ApplianceSettings.from(config(Map.of("stamp.sso.jwks-refresh", "PT6M"))))
        .hasMessageContaining("stamp.sso.jwks-refresh");
    assertThatThrownBy(() -> ApplianceSettings.from(config(Map.of("mp.jwt.verify.audiences", ""))))
        .hasMessageContaining("mp.jwt.verify.audiences");
  }
}
