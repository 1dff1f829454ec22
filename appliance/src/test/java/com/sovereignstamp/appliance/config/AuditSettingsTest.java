package com.sovereignstamp.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** The {@code stamp.audit.*} settings: their defaults and what stops the start. */
class AuditSettingsTest {
  @Test
  void onlyTheTwoKeyFilesAreNeeded_theRestHasDefaults() {
    AuditSettings audit = ApplianceSettings.from(config(Map.of())).audit();

    assertThat(audit.checkpointKeyFile()).isEqualTo(Path.of("/etc/stamp/checkpoint.key"));
    assertThat(audit.witnessPublicKeyFile()).isEqualTo(Path.of("/etc/stamp/bridge-witness.pem"));
    assertThat(audit.origin()).isEqualTo("sovereign-stamp/appliance/eu-de");
    assertThat(audit.witnessInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(audit.witnessTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void everyDefaultCanBeSet() {
    AuditSettings audit =
        ApplianceSettings.from(
                config(
                    Map.of(
                        "stamp.audit.origin", "bank-a/stamp-1",
                        "stamp.audit.witness-interval", "PT5M",
                        "stamp.audit.witness-timeout", "PT3S")))
            .audit();

    assertThat(audit.origin()).isEqualTo("bank-a/stamp-1");
    assertThat(audit.witnessInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(audit.witnessTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void withoutAJournalDirectoryEventsGoStraightToTheDatabase_withOneTheyAreJournaled() {
    assertThat(ApplianceSettings.from(config(Map.of())).audit().journal()).isEmpty();
    AuditSettings journaled =
        ApplianceSettings.from(
                config(
                    Map.of(
                        "stamp.audit.journal.dir", "/var/lib/stamp/audit-journal",
                        "stamp.audit.journal.fsync", "true")))
            .audit();
    assertThat(journaled.journal())
        .hasValueSatisfying(
            j -> {
              assertThat(j.directory()).isEqualTo(Path.of("/var/lib/stamp/audit-journal"));
              assertThat(j.fsync()).isTrue();
              assertThat(j.tableInterval()).isEqualTo(Duration.ofMillis(200));
            });
    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    config(
                        Map.of(
                            "stamp.audit.journal.dir", "/j", "stamp.audit.journal.fsync", "yes"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("stamp.audit.journal.fsync");
  }

  @Test
  void withoutTheCheckpointKeyOrTheWitnessKey_theApplianceDoesNotStart() {
    for (String key :
        new String[] {"stamp.audit.checkpoint-key-file", "stamp.audit.witness-public-key-file"}) {
      Map<String, String> without = new HashMap<>();
      without.put(key, "");

      assertThatThrownBy(() -> ApplianceSettings.from(config(without)))
          .isInstanceOf(SettingsException.class)
          .hasMessage(key + " is not set");
    }
  }

  @Test
  void anIntervalThatIsNotAPositiveDuration_stopsTheStart() {
    for (String bad : new String[] {"60", "PT0S", "-PT1M"}) {
      assertThatThrownBy(
              () -> ApplianceSettings.from(config(Map.of("stamp.audit.witness-interval", bad))))
          .isInstanceOf(SettingsException.class)
          .hasMessageStartingWith("stamp.audit.witness-interval");
    }
  }

  /** A demo appliance's settings with {@code overrides} on top (an empty value unsets a key). */
  static Config config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("stamp.profile", "demo");
    values.put("stamp.id", "stamp-1");
    values.put("stamp.region", "eu-de");
    values.put("stamp.db.url", "jdbc:h2:mem:settings");
    values.put("stamp.bridge.url", "https://127.0.0.1:8443");
    values.put("stamp.bridge.access-key-id", "AKID");
    values.put("stamp.bridge.secret-file", "/etc/stamp/xks-secret");
    values.put("stamp.bridge.ca-file", "/etc/stamp/ca.pem");
    values.put("stamp.bridge.client-cert-file", "/etc/stamp/client.pem");
    values.put("stamp.bridge.client-key-file", "/etc/stamp/client.key");
    values.put("stamp.cmk.key-id", "stamp-cmk-1");
    values.put("mp.jwt.verify.issuer", "https://sso.example/realms/stamp");
    values.put("mp.jwt.verify.audiences", "stamp-api");
    values.put("mp.jwt.verify.publickey.location", "file:///var/lib/stamp/sso/jwks.json");
    values.put("stamp.audit.checkpoint-key-file", "/etc/stamp/checkpoint.key");
    values.put("stamp.audit.witness-public-key-file", "/etc/stamp/bridge-witness.pem");
    values.putAll(overrides);
    return new MapConfig(values);
  }

  /** The part of {@link Config} the settings reader uses. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return java.util.List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}
