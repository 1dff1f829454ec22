package com.sovereignstamp.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.xks.XksLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BridgeSettingsTest {
  private static BridgeSettings settings(
      Profile profile, boolean mtls, BackendKind backend, boolean baseline, Duration healthTtl) {
    return settings(profile, mtls, backend, baseline, healthTtl, true);
  }

  private static BridgeSettings settings(
      Profile profile,
      boolean mtls,
      BackendKind backend,
      boolean baseline,
      Duration healthTtl,
      boolean audit) {
    return new BridgeSettings(
        profile,
        Path.of("k.json"),
        Duration.ofSeconds(1),
        "eu-de",
        Duration.ofMinutes(5),
        mtls,
        backend,
        Optional.empty(),
        backend == BackendKind.SOFTWARE
            ? Optional.of(new SoftwareBackendSettings(Path.of("a"), Path.of("b")))
            : Optional.empty(),
        "canary",
        healthTtl,
        Duration.ofMillis(100),
        1,
        new XksLimits(8192, 16384),
        baseline,
        new AuditSettings(
            audit,
            "jdbc:h2:mem:x",
            "",
            Optional.empty(),
            512,
            Duration.ofSeconds(2),
            Optional.empty(),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            "test",
            new AuditSettings.SignerSettings.Pkcs11Key("stamp-audit-checkpoint"),
            java.util.List.of()),
        WitnessSettings.none(),
        OfficerSettings.none());
  }

  @Test
  void production_refusesToRunWithoutAnAuditTrail() {
    assertThatThrownBy(
            () ->
                settings(
                        Profile.PRODUCTION,
                        true,
                        BackendKind.PKCS11,
                        false,
                        Duration.ofSeconds(2),
                        false)
                    .check())
        .hasMessageContaining("bridge.audit.enabled");
    settings(Profile.DEMO, true, BackendKind.PKCS11, false, Duration.ofSeconds(2), false).check();
  }

  @Test
  void production_refusesTheSoftwareBackend() {
    assertThatThrownBy(
            () ->
                settings(
                        Profile.PRODUCTION,
                        true,
                        BackendKind.SOFTWARE,
                        false,
                        Duration.ofSeconds(2))
                    .check())
        .hasMessageContaining("software key backend");
    settings(Profile.DEMO, true, BackendKind.SOFTWARE, false, Duration.ofSeconds(2)).check();
  }

  @Test
  void production_requiresMutualTls() {
    assertThatThrownBy(
            () ->
                settings(
                        Profile.PRODUCTION, false, BackendKind.PKCS11, false, Duration.ofSeconds(2))
                    .check())
        .hasMessageContaining("mtls");
  }

  @Test
  void production_refusesTheBenchmarkBaselineEndpoint() {
    assertThatThrownBy(
            () ->
                settings(Profile.PRODUCTION, true, BackendKind.PKCS11, true, Duration.ofSeconds(2))
                    .check())
        .hasMessageContaining("baseline");
  }

  @Test
  void healthResultsMayNotBeCachedLongerThanAMinute() {
    assertThatThrownBy(
            () ->
                settings(Profile.DEMO, true, BackendKind.PKCS11, false, Duration.ofSeconds(61))
                    .check())
        .hasMessageContaining("one minute");
    assertThat(
            settings(Profile.PRODUCTION, true, BackendKind.PKCS11, false, Duration.ofSeconds(60)))
        .isNotNull();
  }
}
