package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.xks.client.EncryptResult;
import com.sovereignstamp.xks.client.Health;
import com.sovereignstamp.xks.client.XksClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo-only software backend, as a machine without SoftHSM2 gets it: Bouncy Castle FIPS on
 * Payara's class path, keys in a BCFKS file, and a bridge that says what it is.
 */
class SoftwareBackendIT {
  private static BridgeInstance bridge;

  @BeforeAll
  static void start() throws Exception {
    bridge = BridgeInstance.create("software", Map.of("BRIDGE_BACKEND", "software"));
    bridge.start();
  }

  @AfterAll
  static void stop() throws Exception {
    AuditCoverage.everyCallIsRecordedAfterStop(bridge);
  }

  @Test
  void softwareBackend_servesXksAndSaysItIsNotAnHsm() throws Exception {
    try (XksClient client = bridge.client()) {
      String key = bridge.env("XKS_KEY_ID");
      EncryptResult c = client.encrypt(key, new byte[] {4, 2}, new byte[] {1}, true);
      assertThat(client.decrypt(key, c, new byte[] {1})).containsExactly(4, 2);
      assertThat(client.metadata(bridge.env("XKS_ENCRYPT_ONLY_KEY_ID")).keyUsage())
          .containsExactly("ENCRYPT");
      assertThat(client.health().ekmFleetDetails().get(0).model()).contains("DEMO ONLY");
      // the first check of a cold JVM may be slow (DEGRADED); a warm one must be ACTIVE
      Eventually.holds(
          java.time.Duration.ofSeconds(10),
          () -> {
            Health h = client.health();
            assertThat(h.ekmFleetDetails().get(0).healthStatus()).isEqualTo("ACTIVE");
          });
    }
    assertThat(bridge.log())
        .contains("DEMO ONLY: keys come from a software key store file, NOT an HSM");
  }

  @Test
  void checkpoints_areSignedWithTheKeyStoreFileKey_onAnyThread() throws Exception {
    for (int i = 0; i < 3; i++) { // request threads differ from the scheduler's that made the first
      try (XksClient client = bridge.client()) {
        client.encrypt(bridge.env("XKS_KEY_ID"), new byte[] {(byte) i}, null, false);
      }
      HttpResponse<byte[]> r =
          bridge
              .https("AUDITOR")
              .send(
                  bridge
                      .request("/bridge/audit/checkpoints", Duration.ofSeconds(30))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      CheckpointVerifier.verify(
          SignedCheckpoint.parse(r.body()),
          PublicKeyPem.decode(Files.readString(Path.of(bridge.env("AUDIT_PUBLIC_KEY")))));
    }
  }
}
