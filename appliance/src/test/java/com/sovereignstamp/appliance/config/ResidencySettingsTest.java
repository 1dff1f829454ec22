package com.sovereignstamp.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.appliance.storage.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code stamp.residency.policy-file}: the one place of the region and the degraded policy. */
class ResidencySettingsTest {
  @Test
  void theRegionAndWhatDegradedModeServes_comeFromThePolicyFile() {
    Path file =
        DemoSettings.policy(
            """
            {"region": "ch-zh", "degradedModeServes": ["standard", "critical"],
             "egressAllowlist": []}
            """);

    ApplianceSettings s =
        ApplianceSettings.from(
            DemoSettings.config(Map.of("stamp.residency.policy-file", file.toString())));

    assertThat(s.identity().region()).isEqualTo("ch-zh");
    assertThat(s.audit().origin()).isEqualTo("sovereign-stamp/appliance/ch-zh");
    assertThat(s.bridge().sigV4Region()).isEqualTo("ch-zh");
    assertThat(s.residency().servedWhileDegraded())
        .isEqualTo(Set.of(Classification.STANDARD, Classification.CRITICAL));
    assertThat(s.residency().crossRegionDisasterRecovery()).isFalse();
  }

  @Test
  void stampRegionStillSet_stopsTheStartAndSaysWhereTheRegionLivesNow() {
    assertThatThrownBy(
            () -> ApplianceSettings.from(DemoSettings.config(Map.of("stamp.region", "eu-de"))))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "stamp.region is no longer read: set \"region\" in the residency policy file"
                + " (stamp.residency.policy-file) and remove stamp.region");
  }

  @Test
  void degradedClassificationsStillSet_stopsTheStartAndSaysWhereTheyLiveNow() {
    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    DemoSettings.config(Map.of("stamp.degraded.classifications", "standard"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("set \"degradedModeServes\" in the residency policy file");
  }

  @Test
  void noPolicyFile_stopsTheStart() {
    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    DemoSettings.config(Map.of("stamp.residency.policy-file", ""))))
        .isInstanceOf(SettingsException.class)
        .hasMessage("stamp.residency.policy-file is not set");
  }

  @Test
  void aPolicyFileThatCannotBeRead_stopsTheStart() {
    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    DemoSettings.config(
                        Map.of("stamp.residency.policy-file", "/nonexistent/residency.json"))))
        .isInstanceOf(SettingsException.class)
        .hasMessage("stamp.residency.policy-file /nonexistent/residency.json cannot be read");
  }

  @Test
  void aPolicyFileOthersMayChange_stopsTheStart() throws Exception {
    Path file = DemoSettings.policy(DemoSettings.POLICY);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    DemoSettings.config(Map.of("stamp.residency.policy-file", file.toString()))))
        .isInstanceOf(SettingsException.class)
        .hasMessageEndingWith("may be changed by group or others; only its owner may write it");
  }

  @Test
  void aPolicyFileWithMistakes_stopsTheStartNamingEveryOne() {
    Path file =
        DemoSettings.policy(
            """
            {"region": "EU", "egressAllowlist": [{"host": "10.0.0.1/8", "region": "eu-de"}],
             "crossRegionDR": true}
            """);

    assertThatThrownBy(
            () ->
                ApplianceSettings.from(
                    DemoSettings.config(Map.of("stamp.residency.policy-file", file.toString()))))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "stamp.residency.policy-file "
                + file
                + " has 3 mistakes:\n"
                + "  - crossRegionDR: unknown key (known: region, degradedModeServes,"
                + " egressAllowlist, crossRegionDisasterRecovery)\n"
                + "  - region: \"EU\" is not a region (1-32 of a-z, 0-9 and '-', starting with a"
                + " letter or digit)\n"
                + "  - egressAllowlist[0].host: \"10.0.0.1/8\" has bits set after the prefix; the"
                + " block is 10.0.0.0/8");
  }
}
