package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * The check each integration test class ends with: every XKS call the bridge handled (its own
 * request counter) is in the audit trail, as its own entry or in a read count, and the trail holds
 * no request content (plaintext, ciphertext, AAD).
 */
final class AuditCoverage {

  private AuditCoverage() {}

  /** For a running bridge whose trail is in PostgreSQL: counts are flushed within seconds. */
  static void everyCallIsRecorded(BridgeInstance bridge, AuditDatabaseForTests db)
      throws Exception {
    long handled = handled(bridge);
    Eventually.holds(
        Duration.ofSeconds(15),
        () -> {
          try {
            check(db.entries(), handled);
          } catch (AssertionError e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** For a bridge with the default embedded H2 trail: stops it, then reads the file. */
  static void everyCallIsRecordedAfterStop(BridgeInstance bridge) throws Exception {
    long handled = handled(bridge);
    bridge.stop();
    try (Connection c = DriverManager.getConnection(bridge.property("bridge.audit.jdbc.url"))) {
      AuditEntries entries = AuditEntries.read(c);
      check(entries, handled);
      assertThat(entries.events("bridge.stopped")).isNotEmpty();
    }
  }

  private static void check(AuditEntries entries, long handled) {
    assertThat(entries.xksCallsRecorded()).as("XKS calls in the audit trail").isEqualTo(handled);
    for (String e : entries.raw()) {
      assertThat(e)
          .doesNotContain("\"plaintext\"", "\"ciphertext\"", "\"additionalAuthenticatedData\"");
    }
  }

  /** The bridge's count of XKS requests handled, from its metrics. */
  static long handled(BridgeInstance bridge) {
    return bridge.metric("xks_requests_total");
  }
}
