package com.sovereignstamp.bridge.it;

import static com.sovereignstamp.bridge.it.XksCryptoIT.assertXksError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyUse;
import com.sovereignstamp.xks.client.RequestMetadata;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksRawResponse;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication (SigV4 and client certificates), authorization, quotas and key-store reloads. */
class XksAccessIT {
  private static BridgeInstance bridge;
  private static XksClient client;
  private static KeyStoreFileEditor keyStores;
  private static final Duration RELOAD = Duration.ofSeconds(5);

  @BeforeAll
  static void connect() throws Exception {
    bridge = SharedBridge.get();
    client = bridge.client();
    keyStores = new KeyStoreFileEditor(bridge);
  }

  @AfterAll
  static void everyCallIsInTheAuditTrail() throws Exception {
    SharedBridge.everyCallIsRecorded();
  }

  /**
   * Grants the credential, over the appliance's certificate, every use of a key added to the file
   * (the officers' dual control: without a grant a new key or credential can do nothing).
   */
  private static void grant(String prefix, String keyId, String accessKeyId) throws Exception {
    OfficerClient.grantWithTwoOfficers(
        bridge,
        new Grant(
            new KeyRef(prefix, keyId),
            accessKeyId,
            TestCredentials.APPLIANCE_SUBJECT,
            EnumSet.allOf(KeyUse.class)));
  }

  private static XksClient clientWith(String akid, String secret, String cert, Clock clock) {
    return bridge.client(akid, secret, cert, Duration.ofSeconds(2), clock);
  }

  @Test
  void bothCredentialsOfTheKeyStore_areAccepted() {
    try (XksClient second =
        clientWith(
            bridge.env("XKS_SECOND_ACCESS_KEY_ID"),
            bridge.env("XKS_SECOND_SECRET_ACCESS_KEY"),
            "XKS_CLIENT",
            Clock.systemUTC())) {
      assertThat(second.health().ekmFleetDetails()).isNotEmpty();
    }
  }

  @Test
  void unknownAccessKey_isAuthenticationFailed() {
    TestCredentials unknown = TestCredentials.fresh();
    try (XksClient c =
        clientWith(unknown.accessKeyId(), unknown.secret(), "XKS_CLIENT", Clock.systemUTC())) {
      assertXksError(c::health, 401, "AuthenticationFailedException");
    }
  }

  @Test
  void wrongSecret_isAuthenticationFailed() {
    try (XksClient c =
        clientWith(
            bridge.env("XKS_ACCESS_KEY_ID"),
            TestCredentials.fresh().secret(),
            "XKS_CLIENT",
            Clock.systemUTC())) {
      assertXksError(
          () -> c.metadata(bridge.env("XKS_KEY_ID")), 401, "AuthenticationFailedException");
    }
  }

  @Test
  void clockSkewOverFiveMinutes_isAuthenticationFailed() {
    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
    Clock early = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
    Clock slightlyOff = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4));
    for (Clock clock : List.of(late, early)) {
      try (XksClient c =
          clientWith(
              bridge.env("XKS_ACCESS_KEY_ID"),
              bridge.env("XKS_SECRET_ACCESS_KEY"),
              "XKS_CLIENT",
              clock)) {
        assertXksError(c::health, 401, "AuthenticationFailedException");
      }
    }
    try (XksClient c =
        clientWith(
            bridge.env("XKS_ACCESS_KEY_ID"),
            bridge.env("XKS_SECRET_ACCESS_KEY"),
            "XKS_CLIENT",
            slightlyOff)) {
      assertThat(c.health().ekmFleetDetails()).isNotEmpty();
    }
  }

  @Test
  void unsignedOrAlteredRequests_areAuthenticationFailed() {
    String path = client.apiPath() + "/health";
    byte[] body =
        "{\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"KmsHealthCheck\"}}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(client.send("POST", path, Map.of(), body, false).status()).isEqualTo(401);
    // signed as application/json, sent as text/plain: the signed header changed
    assertThat(client.send("POST", path, Map.of("Content-Type", "text/plain"), body, true).status())
        .isEqualTo(401);
    String now =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    String scope =
        now.substring(0, 8) + "/" + bridge.env("XKS_REGION") + "/kms-xks-proxy/aws4_request";
    String fake = "0".repeat(64);
    // a header named in SignedHeaders is missing from the request
    XksRawResponse missing =
        client.send(
            "POST",
            path,
            Map.of(
                "x-amz-date",
                now,
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + bridge.env("XKS_ACCESS_KEY_ID")
                    + "/"
                    + scope
                    + ", SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="
                    + fake),
            body,
            true);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.bodyText()).contains("AuthenticationFailedException");
    // the date is not among the signed headers
    XksRawResponse unsignedDate =
        client.send(
            "POST",
            path,
            Map.of(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + bridge.env("XKS_ACCESS_KEY_ID")
                    + "/"
                    + scope
                    + ", SignedHeaders=content-type;host, Signature="
                    + fake),
            body,
            true);
    assertThat(unsignedDate.status()).isEqualTo(401);
    // the signature is made for another service name
    XksRawResponse otherService =
        client.send(
            "POST",
            path,
            Map.of(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + bridge.env("XKS_ACCESS_KEY_ID")
                    + "/"
                    + now.substring(0, 8)
                    + "/"
                    + bridge.env("XKS_REGION")
                    + "/kms/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="
                    + fake),
            body,
            true);
    assertThat(otherService.status()).isEqualTo(401);
  }

  @Test
  void credentialPresentedWithAnotherClientsCertificate_isAuthenticationFailed() {
    try (XksClient c =
        clientWith(
            bridge.env("XKS_ACCESS_KEY_ID"),
            bridge.env("XKS_SECRET_ACCESS_KEY"),
            "XKS_OTHER_CLIENT",
            Clock.systemUTC())) {
      assertXksError(
          () -> c.metadata(bridge.env("XKS_KEY_ID")), 401, "AuthenticationFailedException");
    }
  }

  @Test
  void assertedPrincipalTheCredentialMayNotAssert_isAccessDenied() throws Exception {
    TestCredentials creds = TestCredentials.fresh();
    String allowed = "arn:aws:iam::111122223333:role/stamp-appliance";
    keyStores.addKeyStore(
        Json.createObjectBuilder()
            .add("uriPrefix", "/restricted")
            .add(
                "keys",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("id", bridge.env("XKS_KEY_ID"))))
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(creds.json(TestCredentials.APPLIANCE_SUBJECT, List.of(allowed))))
            .build());
    grant("/restricted", bridge.env("XKS_KEY_ID"), creds.accessKeyId());
    try (XksClient c = bridge.client("/restricted", creds.accessKeyId(), creds.secret())) {
      String key = bridge.env("XKS_KEY_ID");
      Eventually.holds(
          RELOAD, () -> c.metadata(key, RequestMetadata.defaults().withAwsPrincipalArn(allowed)));
      assertXksError(
          () ->
              c.metadata(
                  key,
                  RequestMetadata.defaults().withAwsPrincipalArn("arn:aws:iam::999999999999:root")),
          403,
          "AccessDeniedException");
      assertXksError(
          () ->
              c.encrypt(
                  key,
                  new byte[1],
                  null,
                  false,
                  RequestMetadata.defaults().withAwsPrincipalArn("arn:x")),
          403,
          "AccessDeniedException");
    }
  }

  @Test
  void overTheKeyStoresRequestRate_isThrottled() throws Exception {
    TestCredentials creds = TestCredentials.fresh();
    keyStores.addKeyStore(
        Json.createObjectBuilder()
            .add("uriPrefix", "/throttled")
            .add("requestsPerSecond", 5)
            .add("keys", Json.createArrayBuilder())
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(creds.json(TestCredentials.APPLIANCE_SUBJECT, List.of())))
            .build());
    try (XksClient c = bridge.client("/throttled", creds.accessKeyId(), creds.secret())) {
      Eventually.holds(RELOAD, c::health);
      int throttled = 0;
      for (int i = 0; i < 30; i++) {
        try {
          c.health();
        } catch (com.sovereignstamp.xks.client.XksException e) {
          assertThat(e.errorName()).isEqualTo("ThrottlingException");
          assertThat(e.status()).isEqualTo(429);
          throttled++;
        }
      }
      assertThat(throttled).isGreaterThan(0);
      // other key stores keep their own quota
      assertThat(client.health().ekmFleetDetails()).isNotEmpty();
    }
  }

  @Test
  void keyDisabledInTheKeyStoreFile_isDisabledAndInvalidState() throws Exception {
    String id = "disabled-" + System.nanoTime();
    keyStores.addKey(
        bridge.env("XKS_URI_PREFIX"),
        Json.createObjectBuilder()
            .add("id", id)
            .add("label", bridge.env("XKS_KEY_ID"))
            .add("status", "DISABLED")
            .build());
    grant(bridge.env("XKS_URI_PREFIX"), id, bridge.env("XKS_ACCESS_KEY_ID"));
    Eventually.holds(
        RELOAD, () -> assertThat(client.metadata(id).keyStatus()).isEqualTo("DISABLED"));
    assertXksError(
        () -> client.encrypt(id, new byte[1], null, false), 400, "InvalidStateException");
    var c = client.encrypt(bridge.env("XKS_KEY_ID"), new byte[1], null, false);
    assertXksError(() -> client.decrypt(id, c, null), 400, "InvalidStateException");
  }

  @Test
  void credentialAddedOrRemovedInTheFile_countsWithoutARestart() throws Exception {
    String prefix = bridge.env("XKS_URI_PREFIX");
    TestCredentials added = TestCredentials.fresh();
    keyStores.addCredential(prefix, added.json(TestCredentials.APPLIANCE_SUBJECT, List.of()));
    grant(prefix, bridge.env("XKS_KEY_ID"), added.accessKeyId());
    try (XksClient c =
        clientWith(added.accessKeyId(), added.secret(), "XKS_CLIENT", Clock.systemUTC())) {
      Eventually.holds(
          RELOAD,
          () -> assertThat(c.metadata(bridge.env("XKS_KEY_ID")).keySpec()).isEqualTo("AES_256"));
      keyStores.removeCredential(prefix, added.accessKeyId());
      Eventually.holds(
          RELOAD, () -> assertXksError(c::health, 401, "AuthenticationFailedException"));
    }
    assertThat(client.health().ekmFleetDetails()).isNotEmpty();
  }

  @Test
  void keyDeletedFromTheHsmBehindTheBridgesBack_isKeyNotFound() throws Exception {
    String label = "doomed-" + System.nanoTime();
    bridge.provision("generate", label, "encrypt", "decrypt");
    keyStores.addKey(
        bridge.env("XKS_URI_PREFIX"), Json.createObjectBuilder().add("id", label).build());
    grant(bridge.env("XKS_URI_PREFIX"), label, bridge.env("XKS_ACCESS_KEY_ID"));
    Eventually.holds(RELOAD, () -> client.encrypt(label, new byte[8], null, false));
    bridge.provision("delete", label);
    assertXksError(
        () -> client.encrypt(label, new byte[8], null, false), 404, "KeyNotFoundException");
    assertXksError(() -> client.metadata(label), 404, "KeyNotFoundException");
  }

  @Test
  void twoHsmKeysUnderOneLabel_isInternalExceptionWithoutDetail() throws Exception {
    String label = "ambiguous-" + System.nanoTime();
    for (int i = 0; i < 2; i++) {
      bridge.pkcs11Tool("--keygen", "--key-type", "AES:32", "--label", label);
    }
    keyStores.addKey(
        bridge.env("XKS_URI_PREFIX"), Json.createObjectBuilder().add("id", label).build());
    grant(bridge.env("XKS_URI_PREFIX"), label, bridge.env("XKS_ACCESS_KEY_ID"));
    Eventually.holds(
        RELOAD, () -> assertXksError(() -> client.metadata(label), 500, "InternalException"));
    XksRawResponse r =
        client.send(
            "POST",
            client.apiPath() + "/keys/" + label + "/metadata",
            null,
            "{\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"DescribeKey\",\"awsPrincipalArn\":\"a\"}}"
                .getBytes(StandardCharsets.UTF_8),
            true);
    assertThat(r.bodyText()).doesNotContain(label, "CKR_", "PKCS11");
  }

  @Test
  void metrics_countRequestsByOperationAndOutcome() throws Exception {
    client.metadata(bridge.env("XKS_KEY_ID"));
    try {
      client.metadata("no-such-key");
    } catch (RuntimeException expected) {
    }
    XksRawResponse r = client.send("GET", "/bridge/metrics", Map.of(), new byte[0], false);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText())
        .containsPattern("xks_requests_total\\{operation=\"metadata\",outcome=\"ok\"\\} [1-9]")
        .containsPattern(
            "xks_requests_total\\{operation=\"metadata\",outcome=\"KeyNotFoundException\"\\} [1-9]")
        .contains("xks_request_duration_seconds_bucket{operation=\"metadata\",le=\"+Inf\"}")
        .contains("hsm_link_up 1")
        .doesNotContain(bridge.env("XKS_SECRET_ACCESS_KEY"));
  }
}
