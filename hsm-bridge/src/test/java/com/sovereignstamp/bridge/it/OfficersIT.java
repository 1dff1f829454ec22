package com.sovereignstamp.bridge.it;

import static com.sovereignstamp.bridge.it.XksCryptoIT.assertXksError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.ApprovalAction;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyUse;
import com.sovereignstamp.xks.client.XksClient;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The security officers at a real bridge (SoftHSM2, HSM-side revocation on): revocation,
 * reinstatement under dual control, grants, the admin listener's own CA, a policy shared by two
 * instances, and every officer call in the audit trail. The tests share one bridge and run in
 * order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficersIT {
  private static final Duration POLICY_REFRESH = Duration.ofSeconds(3);
  private static BridgeInstance bridge;
  private static BridgeInstance second;
  private static OfficerClient one;
  private static OfficerClient two;
  private static XksClient client;
  private static KeyRef key;
  private static int officerCalls;

  @BeforeAll
  static void start() throws Exception {
    bridge = BridgeInstance.create("officers", Map.of("BRIDGE_BACKEND", "pkcs11"));
    second = BridgeInstance.create("officers-second", Map.of("BRIDGE_BACKEND", "pkcs11"));
    AuditDatabaseForTests.sharePolicy("officers", bridge, second);
    bridge.start();
    one = new OfficerClient(bridge, 1);
    two = new OfficerClient(bridge, 2);
    client = bridge.client();
    key = new KeyRef(bridge.env("XKS_URI_PREFIX"), bridge.env("XKS_KEY_ID"));
  }

  @AfterAll
  static void everyOfficerCallIsInTheAuditTrail() throws Exception {
    client.close();
    second.close();
    bridge.stop();
    try (Connection c = DriverManager.getConnection(bridge.property("bridge.audit.jdbc.url"))) {
      AuditEntries entries = AuditEntries.read(c);
      assertThat(entries.calls(e -> "officer".equals(AuditEntries.text(e, "api"))))
          .hasSize(officerCalls);
      assertThat(entries.events("policy.revoked")).isNotEmpty();
      assertThat(entries.events("policy.reinstated")).isNotEmpty();
      assertThat(
              entries.calls(e -> "approvals-insufficient".equals(AuditEntries.text(e, "outcome"))))
          .isNotEmpty();
    }
  }

  private static OfficerClient.Answer counted(OfficerClient.Answer a) {
    officerCalls++;
    return a;
  }

  private static List<String> usage(String label) throws Exception {
    String out = bridge.pkcs11Tool("--list-objects", "--type", "secrkey");
    // one block per object: "Secret Key Object; …", then "  label: …", "  Usage: a, b", …
    for (String block : out.split("(?m)^(?=Secret Key Object)")) {
      boolean ours =
          block
              .lines()
              .map(String::trim)
              .anyMatch(l -> l.startsWith("label:") && l.substring(6).trim().equals(label));
      if (ours) {
        return block
            .lines()
            .filter(l -> l.trim().startsWith("Usage:"))
            .flatMap(l -> List.of(l.substring(l.indexOf(':') + 1).split(",")).stream())
            .map(String::trim)
            .toList();
      }
    }
    throw new AssertionError("no secret key labelled " + label + " in the token:\n" + out);
  }

  @Test
  @Order(1)
  void revokedKey_failsEveryCallOnItAtOnce_andItsMetadataSaysDisabled() throws Exception {
    var before = client.encrypt(key.keyId(), "kept".getBytes(StandardCharsets.UTF_8), null, false);
    assertThat(usage(bridge.env("XKS_KEY_ID"))).contains("encrypt", "decrypt");

    OfficerClient.Answer revoked = counted(one.revoke(key));

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body()).contains("\"status\":\"REVOKED\"", "\"hsm\":\"cleared\"");
    assertXksError(() -> client.decrypt(key.keyId(), before, null), 400, "InvalidStateException");
    assertXksError(
        () -> client.encrypt(key.keyId(), new byte[1], null, false), 400, "InvalidStateException");
    assertThat(client.metadata(key.keyId()).keyStatus()).isEqualTo("DISABLED");
    assertThat(usage(bridge.env("XKS_KEY_ID"))).doesNotContain("encrypt", "decrypt");
  }

  @Test
  @Order(2)
  void reinstating_needsTwoDifferentOfficers_eachApprovalOnce_andUnexpired() throws Exception {
    Approval first = one.approveReinstate(key);
    Approval second = two.approveReinstate(key);

    assertThat(counted(one.reinstate(key, List.of(first))).problem())
        .isEqualTo("approvals-insufficient");
    assertThat(counted(one.reinstate(key, List.of(first, one.approveReinstate(key)))).problem())
        .isEqualTo("approvals-insufficient");
    Approval expired =
        two.approve(ApprovalAction.REINSTATE, key, Optional.empty(), Instant.now().minusSeconds(1));
    assertThat(counted(one.reinstate(key, List.of(first, expired))).problem())
        .isEqualTo("approval-expired");
    assertThat(client.metadata(key.keyId()).keyStatus()).isEqualTo("DISABLED");

    OfficerClient.Answer reinstated = counted(two.reinstate(key, List.of(first, second)));

    assertThat(reinstated.status()).isEqualTo(200);
    assertThat(reinstated.body()).contains("\"status\":\"ENABLED\"", "\"hsm\":\"restored\"");
    assertThat(client.metadata(key.keyId()).keyStatus()).isEqualTo("ENABLED");
    assertThat(client.encrypt(key.keyId(), new byte[4], null, false)).isNotNull();
    assertThat(usage(bridge.env("XKS_KEY_ID"))).contains("encrypt", "decrypt");

    assertThat(counted(one.revoke(key)).status()).isEqualTo(200);
    assertThat(counted(one.reinstate(key, List.of(first, second))).problem())
        .as("the same approvals again")
        .isEqualTo("approval-reused");
    assertThat(client.metadata(key.keyId()).keyStatus()).isEqualTo("DISABLED");
    assertThat(reinstateWithBothOfficers().status()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void withdrawnGrant_isAccessDeniedOnTheNextCall_andGrantingAgainNeedsTwoOfficers()
      throws Exception {
    String credential = bridge.env("XKS_SECOND_ACCESS_KEY_ID");
    try (XksClient c =
        bridge.client(
            credential,
            bridge.env("XKS_SECOND_SECRET_ACCESS_KEY"),
            "XKS_CLIENT",
            Duration.ofSeconds(5),
            Clock.systemUTC())) {
      assertThat(c.metadata(key.keyId()).keyStatus()).isEqualTo("ENABLED");

      assertThat(counted(one.withdraw(key, credential, TestCredentials.APPLIANCE_SUBJECT)).status())
          .isEqualTo(200);
      assertXksError(() -> c.metadata(key.keyId()), 403, "AccessDeniedException");
      assertXksError(
          () -> c.encrypt(key.keyId(), new byte[1], null, false), 403, "AccessDeniedException");

      Grant decryptOnly =
          new Grant(key, credential, TestCredentials.APPLIANCE_SUBJECT, EnumSet.of(KeyUse.DECRYPT));
      assertThat(counted(one.grant(decryptOnly, List.of(one.approveGrant(decryptOnly)))).problem())
          .isEqualTo("approvals-insufficient");
      assertXksError(() -> c.metadata(key.keyId()), 403, "AccessDeniedException");

      Grant all =
          new Grant(
              key, credential, TestCredentials.APPLIANCE_SUBJECT, EnumSet.allOf(KeyUse.class));
      assertThat(
              counted(two.grant(all, List.of(one.approveGrant(all), two.approveGrant(all))))
                  .status())
          .isEqualTo(200);
      assertThat(c.metadata(key.keyId()).keyStatus()).isEqualTo("ENABLED");
    }
  }

  @Test
  @Order(4)
  void theAdminApi_refusesAnyoneWithoutAnOfficerCertificate() throws Exception {
    HttpClient xksClientCert = bridge.https("XKS_CLIENT");
    HttpClient noCertificate =
        HttpClient.newBuilder()
            .sslContext(
                com.sovereignstamp.xks.client.PemTls.trustOnly(
                    java.nio.file.Path.of(bridge.env("XKS_CA_CERT"))))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpClient officerCert = bridge.https("OFFICER_1");
    assertHandshakeRefused(
        xksClientCert,
        "ADMIN_URL",
        "a certificate of the XKS clients' CA, on the officers' listener");
    assertHandshakeRefused(noCertificate, "ADMIN_URL", "no client certificate at all");
    assertHandshakeRefused(officerCert, "XKS_URL", "an officer's certificate, on the XKS listener");
    assertThat(
            OfficerClient.send(
                    xksClientCert,
                    bridge.env("XKS_URL"),
                    "POST",
                    "/bridge/admin/keys/x/revoke",
                    null)
                .status())
        .as("the XKS listener does not serve the admin API")
        .isEqualTo(404);
    assertThat(counted(one.send("GET", "/bridge/admin/whoami", null)).body())
        .contains("\"officer\":\"" + one.name() + "\"");
  }

  private static void assertHandshakeRefused(HttpClient client, String listener, String what) {
    assertThatThrownBy(
            () ->
                OfficerClient.send(client, bridge.env(listener), "GET", "/bridge/admin/keys", null))
        .as(what)
        .isInstanceOf(java.io.IOException.class);
  }

  private static OfficerClient.Answer reinstateWithBothOfficers() throws Exception {
    return counted(
        one.reinstate(key, List.of(one.approveReinstate(key), two.approveReinstate(key))));
  }

  @Test
  @Order(5)
  void aRevocation_survivesARestart_andBindsASecondInstanceOnTheSamePolicyStore() throws Exception {
    assertThat(counted(one.revoke(key)).status()).isEqualTo(200);
    bridge.stop();
    bridge.start();
    try (XksClient restarted = bridge.client()) {
      assertThat(restarted.metadata(key.keyId()).keyStatus()).isEqualTo("DISABLED");
    }

    second.start();
    Grant secondsCredential =
        new Grant(
            key,
            second.env("XKS_ACCESS_KEY_ID"),
            TestCredentials.APPLIANCE_SUBJECT,
            EnumSet.allOf(KeyUse.class));
    assertThat(
            counted(
                    one.grant(
                        secondsCredential,
                        List.of(
                            one.approveGrant(secondsCredential),
                            two.approveGrant(secondsCredential))))
                .status())
        .isEqualTo(200);
    try (XksClient viaSecond = second.client()) {
      Eventually.holds(
          POLICY_REFRESH,
          () -> assertThat(viaSecond.metadata(key.keyId()).keyStatus()).isEqualTo("DISABLED"));
      assertXksError(
          () -> viaSecond.encrypt(key.keyId(), new byte[1], null, false),
          400,
          "InvalidStateException");

      assertThat(reinstateWithBothOfficers().status()).isEqualTo(200);
      Eventually.holds(
          POLICY_REFRESH,
          () -> assertThat(viaSecond.metadata(key.keyId()).keyStatus()).isEqualTo("ENABLED"));
    }
    client.close();
    client = bridge.client();
  }

  @Test
  @Order(6)
  void aBridgeThatLostItsPolicyStore_stillCannotUseARevokedKey() throws Exception {
    assertThat(counted(one.revoke(key)).body()).contains("\"hsm\":\"cleared\"");
    bridge.stop();
    AuditDatabaseForTests.sharePolicy("lost", bridge); // empty: seeded again from the file
    bridge.start();
    client.close();
    client = bridge.client();

    assertThat(client.metadata(key.keyId()).keyStatus())
        .as("the new policy knows nothing of the revocation")
        .isEqualTo("ENABLED");
    assertXksError(
        () -> client.encrypt(key.keyId(), new byte[1], null, false),
        400,
        "InvalidKeyUsageException");
  }
}
