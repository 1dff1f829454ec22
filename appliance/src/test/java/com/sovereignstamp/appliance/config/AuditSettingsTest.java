package com.sovereignstamp.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
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

  private static Config config(Map<String, String> overrides) {
    return DemoSettings.config(overrides);
  }
}
