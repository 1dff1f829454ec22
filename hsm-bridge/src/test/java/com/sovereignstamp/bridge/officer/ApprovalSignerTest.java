package com.sovereignstamp.bridge.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.ApprovalAction;
import com.sovereignstamp.bridge.policy.DualControl;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyUse;
import com.sovereignstamp.bridge.policy.Officer;
import com.sovereignstamp.bridge.policy.Officers;
import com.sovereignstamp.bridge.policy.PolicyException;
import com.sovereignstamp.bridge.testing.TestOfficers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalSignerTest {
  private static final String BRIDGE = "sovereign-stamp/hsm-bridge/demo";
  private static final KeyRef KEY = new KeyRef("/demo", "stamp-cmk-1");
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
  private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(30));

  private static KeyPair key1;
  private static KeyPair key2;
  private static DualControl dualControl;

  @BeforeAll
  static void officers() throws Exception {
    key1 = TestOfficers.ecKeyPair();
    key2 = TestOfficers.ecKeyPair();
    Officers officers =
        new Officers(
            List.of(
                new Officer(
                    "officer-1", TestOfficers.selfSigned(key1, "CN=stamp-officer-1,O=Test")),
                new Officer(
                    "officer-2", TestOfficers.selfSigned(key2, "CN=stamp-officer-2,O=Test"))),
            2,
            Duration.ofHours(1));
    dualControl = new DualControl(officers, BRIDGE);
  }

  @Test
  void twoOfficersApprovalsForAReinstateVerify() throws Exception {
    Approval a1 = reinstate("officer-1", key1);
    Approval a2 = reinstate("officer-2", key2);

    assertThat(
            dualControl.check(
                ApprovalAction.REINSTATE, KEY, Optional.empty(), List.of(a1, a2), NOW))
        .containsExactly(a1, a2);
  }

  @Test
  void grantApprovalsVerifyAfterAJsonRoundTrip() throws Exception {
    Grant grant =
        new Grant(KEY, "AKIDEXAMPLE", "CN=stamp-appliance,O=Test", EnumSet.of(KeyUse.DECRYPT));
    List<Approval> approvals =
        List.of(
            roundTrip(grant("officer-1", key1, grant)), roundTrip(grant("officer-2", key2, grant)));

    assertThat(dualControl.check(ApprovalAction.GRANT, KEY, Optional.of(grant), approvals, NOW))
        .hasSize(2);
  }

  @Test
  void aTamperedApprovalDoesNotVerify() throws Exception {
    Approval a1 = reinstate("officer-1", key1);
    Approval a2 = reinstate("officer-2", key2);
    // the same signature, moved to another key
    KeyRef other = new KeyRef("/demo", "stamp-cmk-encrypt-only");
    Approval moved =
        new Approval(
            BRIDGE,
            ApprovalAction.REINSTATE,
            other,
            Optional.empty(),
            a2.nonce(),
            a2.expiresAt(),
            a2.officer(),
            a2.signature());
    Approval other1 =
        ApprovalSigner.sign(
            BRIDGE,
            ApprovalAction.REINSTATE,
            other,
            Optional.empty(),
            ApprovalSigner.newNonce(),
            EXPIRES,
            "officer-1",
            key1.getPrivate());
    assertThatThrownBy(
            () ->
                dualControl.check(
                    ApprovalAction.REINSTATE, other, Optional.empty(), List.of(other1, moved), NOW))
        .isInstanceOf(PolicyException.class)
        .satisfies(
            e ->
                assertThat(((PolicyException) e).reason())
                    .isEqualTo(PolicyException.Reason.APPROVAL_INVALID))
        .hasMessageContaining("signature");

    // a flipped bit in the signature
    byte[] sig = a2.signature();
    sig[sig.length - 1] ^= 1;
    Approval flipped =
        new Approval(
            BRIDGE,
            ApprovalAction.REINSTATE,
            KEY,
            Optional.empty(),
            a2.nonce(),
            a2.expiresAt(),
            a2.officer(),
            sig);
    assertThatThrownBy(
            () ->
                dualControl.check(
                    ApprovalAction.REINSTATE, KEY, Optional.empty(), List.of(a1, flipped), NOW))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("signature");

    // signed by officer-1's key but naming officer-2
    Approval impostor =
        ApprovalSigner.sign(
            BRIDGE,
            ApprovalAction.REINSTATE,
            KEY,
            Optional.empty(),
            ApprovalSigner.newNonce(),
            EXPIRES,
            "officer-2",
            key1.getPrivate());
    assertThat(impostor.verifiesWith(key2.getPublic())).isFalse();
    assertThatThrownBy(
            () ->
                dualControl.check(
                    ApprovalAction.REINSTATE, KEY, Optional.empty(), List.of(a1, impostor), NOW))
        .isInstanceOf(PolicyException.class);
  }

  @Test
  void theToolSignsWithAPkcs8PemKey(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("officer-2.key");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key2.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        OfficerTool.run(
            new String[] {
              "approve",
              "--bridge",
              BRIDGE,
              "--officer",
              "officer-2",
              "--private-key",
              pem.toString(),
              "--action",
              "grant",
              "--key-store",
              "/demo",
              "--key-id",
              "stamp-cmk-1",
              "--credential",
              "AKIDEXAMPLE",
              "--client-subject",
              "",
              "--uses",
              "encrypt,decrypt",
              "--lifetime",
              "PT10M"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    Approval a2 = Approval.fromJson(CanonicalJson.parse(out.toString().trim().getBytes()));
    assertThat(a2.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(Base64.getUrlDecoder().decode(a2.nonce())).hasSize(32);
    Grant grant = new Grant(KEY, "AKIDEXAMPLE", "", EnumSet.of(KeyUse.ENCRYPT, KeyUse.DECRYPT));
    Approval a1 = grant("officer-1", key1, grant);
    assertThat(
            dualControl.check(ApprovalAction.GRANT, KEY, Optional.of(grant), List.of(a1, a2), NOW))
        .hasSize(2);
  }

  @Test
  void theToolRefusesAnIncompleteGrant() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        OfficerTool.run(
            new String[] {
              "approve",
              "--bridge",
              BRIDGE,
              "--officer",
              "officer-1",
              "--private-key",
              "x.pem",
              "--action",
              "grant",
              "--key-store",
              "/demo",
              "--key-id",
              "stamp-cmk-1"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    assertThat(status).isEqualTo(OfficerTool.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--client-subject");
  }

  private static Approval reinstate(String officer, KeyPair key) throws Exception {
    return ApprovalSigner.sign(
        BRIDGE,
        ApprovalAction.REINSTATE,
        KEY,
        Optional.empty(),
        ApprovalSigner.newNonce(),
        EXPIRES,
        officer,
        key.getPrivate());
  }

  private static Approval grant(String officer, KeyPair key, Grant grant) throws Exception {
    return ApprovalSigner.sign(
        BRIDGE,
        ApprovalAction.GRANT,
        KEY,
        Optional.of(grant),
        ApprovalSigner.newNonce(),
        EXPIRES,
        officer,
        key.getPrivate());
  }

  private static Approval roundTrip(Approval a) {
    return Approval.fromJson(CanonicalJson.parse(CanonicalJson.serialize(a.toJson())));
  }
}
