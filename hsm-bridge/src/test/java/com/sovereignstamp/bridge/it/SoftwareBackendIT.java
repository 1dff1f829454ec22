package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.xks.client.EncryptResult;
import com.sovereignstamp.xks.client.Health;
import com.sovereignstamp.xks.client.XksClient;
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
}
