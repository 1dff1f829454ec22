package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTrailCheckTest {
  @Test
  void anEmbeddedDatabasesPath_isNotShownInTheReport() {
    assertThat(
            AuditTrailCheck.displayUrl(
                "jdbc:h2:file:/some/where/xks-bench.x1/h2/audit/bridge-audit;WRITE_DELAY=0"))
        .isEqualTo("jdbc:h2:file:INSTANCE/audit/bridge-audit;WRITE_DELAY=0");
    assertThat(AuditTrailCheck.displayUrl("jdbc:postgresql://127.0.0.1:5432/db?currentSchema=s"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/db?currentSchema=s");
  }
}
