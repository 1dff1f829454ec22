package com.sovereignstamp.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSettingsTest {
  @Test
  void theAppliancesDatabaseSettingsApply_andThePasswordComesFromItsFile(@TempDir Path dir)
      throws Exception {
    Path password = Files.writeString(dir.resolve("pg.password"), "s3cret\n");
    Map<String, String> config =
        Map.of(
            "stamp.db.url", "jdbc:postgresql://127.0.0.1:5432/stamp?currentSchema=x",
            "stamp.db.user", "stamp",
            "stamp.db.password-file", password.toString(),
            "stamp.region", "eu-de");

    BaselineSettings s = BaselineSettings.from(k -> Optional.ofNullable(config.get(k)));

    assertThat(s.isPostgreSql()).isTrue();
    assertThat(s.user()).isEqualTo("stamp");
    assertThat(s.password()).isEqualTo("s3cret");
    assertThat(s.poolSize()).isEqualTo(BaselineSettings.DEFAULT_POOL_SIZE);
    assertThat(s.poolMin()).isEqualTo(s.poolSize());
    assertThat(s.residency()).isEqualTo("eu-de");
    assertThat(s.toString()).doesNotContain("s3cret");
  }

  @Test
  void thePoolKeepsEveryConnection_unlessTheBenchmarkAsksForTheAppliancesMinimumOfOne() {
    Map<String, String> config =
        Map.of(
            "stamp.db.url",
            "jdbc:h2:mem:x",
            "stamp.db.pool-size",
            "8",
            BaselineSettings.POOL_MIN,
            "1");

    BaselineSettings s = BaselineSettings.from(k -> Optional.ofNullable(config.get(k)));

    assertThat(s.poolSize()).isEqualTo(8);
    assertThat(s.poolMin()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                BaselineSettings.from(
                    k ->
                        Optional.ofNullable(
                            Map.of("stamp.db.url", "jdbc:h2:mem:x", BaselineSettings.POOL_MIN, "0")
                                .get(k))))
        .hasMessageContaining(BaselineSettings.POOL_MIN);
  }

  @Test
  void withoutADatabaseUrl_orWithAnotherDatabase_theBaselineDoesNotStart() {
    assertThatThrownBy(() -> BaselineSettings.from(k -> Optional.empty()))
        .hasMessageContaining("stamp.db.url");
    assertThatThrownBy(
            () ->
                BaselineSettings.from(
                    k -> Optional.ofNullable(Map.of("stamp.db.url", "jdbc:mysql://x/y").get(k))))
        .hasMessageContaining("PostgreSQL or H2");
  }
}
