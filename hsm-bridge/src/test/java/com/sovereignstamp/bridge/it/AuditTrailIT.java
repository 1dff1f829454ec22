package com.sovereignstamp.bridge.it;

import static com.sovereignstamp.bridge.it.AuditEntries.number;
import static com.sovereignstamp.bridge.it.AuditEntries.text;
import static com.sovereignstamp.bridge.it.XksCryptoIT.assertXksError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.xks.client.RequestMetadata;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksRawResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge's audit trail on a real bridge and a real PostgreSQL: what each call leaves in the
 * log, how key-status reads are counted, and that a call the log cannot take fails.
 */
class AuditTrailIT {
  private static BridgeInstance bridge;
  private static AuditDatabaseForTests db;
  private static XksClient client;
  private static String key;

  @BeforeAll
  static void start() throws Exception {
    bridge = BridgeInstance.create("audit", Map.of("BRIDGE_BACKEND", "pkcs11"));
    bridge.property("bridge.audit.read-window", "PT1S");
    bridge.property("bridge.audit.append-timeout", "PT1S");
    db = AuditDatabaseForTests.attach(bridge, "audit");
    bridge.start();
    client = bridge.client(Duration.ofSeconds(10));
    key = bridge.env("XKS_KEY_ID");
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    bridge.stop();
  }

  private static RequestMetadata metadata(String kmsRequestId, String principal) {
    return RequestMetadata.defaults().withKmsRequestId(kmsRequestId).withAwsPrincipalArn(principal);
  }

  private static String unique(String what) {
    return what + "-" + UUID.randomUUID();
  }

  @Test
  void keyOperations_andRefusals_eachLeaveTheirOwnEntry_withoutRequestContent() throws Exception {
    String principal = "arn:aws:iam::111122223333:role/" + unique("auditor-check");
    String encryptId = unique("enc");
    byte[] plaintext = ("secret-payload-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    client.encrypt(
        key, plaintext, null, false, metadata(encryptId, principal).withKmsOperation("Encrypt"));
    String missingId = unique("missing");
    assertXksError(
        () -> client.metadata("no-such-key", metadata(missingId, principal)),
        404,
        "KeyNotFoundException");
    XksRawResponse get =
        client.send(
            "GET", client.apiPath() + "/keys/" + key + "/encrypt", Map.of(), new byte[0], false);
    assertThat(get.status()).isEqualTo(405);

    AuditEntries entries = db.entries();
    JsonObject encrypt = entries.call(encryptId).orElseThrow();
    assertThat(text(encrypt, "operation")).isEqualTo("encrypt");
    assertThat(text(encrypt, "outcome")).isEqualTo("ok");
    assertThat(text(encrypt, "key")).isEqualTo(key);
    assertThat(text(encrypt, "keyStore")).isEqualTo(bridge.env("XKS_URI_PREFIX"));
    assertThat(text(encrypt, "credential")).isEqualTo(bridge.env("XKS_ACCESS_KEY_ID"));
    assertThat(text(encrypt, "clientSubject")).contains("CN=stamp-appliance");
    assertThat(text(encrypt, "principal")).isEqualTo(principal);
    assertThat(text(encrypt, "requestId")).isNotEmpty();
    assertThat(number(encrypt, "latencyMicros")).isPositive();
    JsonObject missing = entries.call(missingId).orElseThrow();
    assertThat(text(missing, "outcome")).isEqualTo("KeyNotFoundException");
    assertThat(text(missing, "reason")).isEqualTo("not in key store");
    assertThat(
            entries.calls(
                e ->
                    "UnsupportedOperationException".equals(text(e, "outcome"))
                        && "method GET".equals(text(e, "reason"))))
        .isNotEmpty();
    String payload = new String(plaintext, StandardCharsets.UTF_8);
    String payloadBase64 = java.util.Base64.getEncoder().encodeToString(plaintext);
    assertThat(entries.raw()).noneMatch(e -> e.contains(payload) || e.contains(payloadBase64));
  }

  @Test
  void keyStatusReads_areCountedPerCallerPerWindow_notOneEntryEach() throws Exception {
    String principal = "arn:aws:iam::111122223333:role/" + unique("poller");
    int polls = 24;
    for (int i = 0; i < polls; i++) {
      client.metadata(key, metadata(unique("poll"), principal));
    }
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> {
          AuditEntries entries = read();
          var mine =
              entries.reads("metadata").stream()
                  .filter(e -> principal.equals(text(e, "principal")))
                  .toList();
          assertThat(mine.stream().mapToLong(e -> number(e, "count")).sum()).isEqualTo(polls);
          assertThat(mine.size()).isLessThan(polls / 4); // windows of one second, not one each
          assertThat(entries.calls(e -> principal.equals(text(e, "principal")))).isEmpty();
        });
  }

  @Test
  void aLockedAuditTable_makesXksCallsFail_insteadOfGoingUnrecorded() throws Exception {
    try (Connection lock = db.connect()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE audit_entry IN ACCESS EXCLUSIVE MODE");
      }
      assertXksError(
          () -> client.encrypt(key, new byte[] {1, 2, 3}, null, false), 500, "InternalException");
      lock.rollback();
    }
    assertThat(client.encrypt(key, new byte[] {1, 2, 3}, null, false).ciphertext()).isNotEmpty();
    assertThat(bridge.metric("bridge_audit_failures_total")).isPositive();
  }

  @Test
  void anAuditTableThatRefusesWrites_failsKeyOperationsAndStatusReads_untilItTakesThemAgain()
      throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("REVOKE INSERT ON audit_entry FROM CURRENT_USER");
      try {
        byte[] ciphertextSource = new byte[] {9, 9, 9};
        assertXksError(
            () -> client.encrypt(key, ciphertextSource, null, false), 500, "InternalException");
        assertXksError(() -> client.metadata(key), 500, "InternalException");
        assertXksError(client::health, 500, "InternalException");
      } finally {
        s.execute("GRANT INSERT ON audit_entry TO CURRENT_USER");
      }
    }
    assertThat(client.metadata(key).keyStatus()).isEqualTo("ENABLED");
    assertThat(client.health().ekmFleetDetails()).isNotEmpty();
  }

  private static AuditEntries read() {
    try {
      return db.entries();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
