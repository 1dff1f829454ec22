package com.sovereignstamp.bridge.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.keys.CiphertextRejectedException;
import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.HsmEvents;
import com.sovereignstamp.bridge.keys.KeyAttributes;
import com.sovereignstamp.bridge.keys.KeyMissingException;
import com.sovereignstamp.bridge.keys.KeyUsage;
import com.sovereignstamp.bridge.keys.KeyUsageNotPermittedException;
import com.sovereignstamp.bridge.testing.SoftHsm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Pkcs11KeyBackendTest {
  private static final String TOKEN = "unit-token";
  private static final byte[] AAD = "context".getBytes(StandardCharsets.UTF_8);
  private static SoftHsm hsm;
  private static Pkcs11Provisioner provisioner;
  private static Pkcs11KeyBackend backend;

  @BeforeAll
  static void startBackend() throws Exception {
    hsm = SoftHsm.fromEnvironment();
    hsm.ensureToken(TOKEN);
    provisioner =
        Pkcs11Provisioner.open(SoftHsm.LIBRARY, TOKEN, new PinSource.FromFile(hsm.pinFile()));
    backend =
        Pkcs11KeyBackend.start(hsm.settings(TOKEN, 4, Duration.ofMillis(500)), HsmEvents.NONE);
    assertThat(backend.connected()).isTrue();
  }

  @AfterAll
  static void stop() {
    backend.close();
    provisioner.close();
  }

  private static String newKey(boolean encrypt, boolean decrypt) throws Exception {
    String label = "k-" + UUID.randomUUID();
    provisioner.generate(label, encrypt, decrypt);
    return label;
  }

  @Test
  void encryptThenDecrypt_returnsThePlaintext() throws Exception {
    String key = newKey(true, true);
    byte[] plaintext = new byte[4300];
    new java.util.Random(1).nextBytes(plaintext);
    GcmCiphertext c = backend.encrypt(key, plaintext, AAD);
    assertThat(c.iv()).hasSize(12);
    assertThat(c.tag()).hasSize(16);
    assertThat(c.ciphertext()).hasSize(plaintext.length).isNotEqualTo(plaintext);
    assertThat(backend.decrypt(key, c, AAD)).isEqualTo(plaintext);
  }

  @Test
  void eachEncryption_drawsAFreshIvFromTheHsm() throws Exception {
    String key = newKey(true, true);
    byte[] p = {1, 2, 3};
    assertThat(backend.encrypt(key, p, AAD).iv()).isNotEqualTo(backend.encrypt(key, p, AAD).iv());
  }

  @Test
  void decryptWithOtherAad_isRejected() throws Exception {
    String key = newKey(true, true);
    GcmCiphertext c = backend.encrypt(key, new byte[] {1, 2, 3}, AAD);
    assertThatThrownBy(() -> backend.decrypt(key, c, "other".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CiphertextRejectedException.class);
  }

  @Test
  void decryptWithFlippedTagBit_isRejected() throws Exception {
    String key = newKey(true, true);
    GcmCiphertext c = backend.encrypt(key, new byte[] {1, 2, 3}, AAD);
    c.tag()[0] ^= 1;
    assertThatThrownBy(() -> backend.decrypt(key, c, AAD))
        .isInstanceOf(CiphertextRejectedException.class);
  }

  @Test
  void keyUsage_reflectsTheHsmAttributes() throws Exception {
    assertThat(backend.describe(newKey(true, true)).usages())
        .contains(KeyUsage.ENCRYPT, KeyUsage.DECRYPT);
    KeyAttributes encryptOnly = backend.describe(newKey(true, false));
    assertThat(encryptOnly.usages()).contains(KeyUsage.ENCRYPT).doesNotContain(KeyUsage.DECRYPT);
    assertThat(encryptOnly.aes256()).isTrue();
    assertThat(backend.describe(newKey(false, false)).usages())
        .doesNotContain(KeyUsage.ENCRYPT, KeyUsage.DECRYPT);
  }

  @Test
  void encryptOnlyKey_refusesToDecrypt() throws Exception {
    String key = newKey(true, false);
    GcmCiphertext c = backend.encrypt(key, new byte[] {1}, AAD);
    assertThatThrownBy(() -> backend.decrypt(key, c, AAD))
        .isInstanceOf(KeyUsageNotPermittedException.class);
  }

  @Test
  void decryptOnlyKey_refusesToEncrypt() throws Exception {
    String key = newKey(false, true);
    assertThatThrownBy(() -> backend.encrypt(key, new byte[] {1}, AAD))
        .isInstanceOf(KeyUsageNotPermittedException.class);
  }

  @Test
  void unknownLabel_isMissing() {
    assertThatThrownBy(() -> backend.describe("no-such-key"))
        .isInstanceOf(KeyMissingException.class);
  }

  @Test
  void busyHsm_isNotMistakenForALostLink() throws Exception {
    String key = newKey(true, true);
    java.util.concurrent.atomic.AtomicInteger linkDowns =
        new java.util.concurrent.atomic.AtomicInteger();
    HsmEvents events =
        new HsmEvents() {
          @Override
          public void hsmError(String error) {}

          @Override
          public void linkChanged(boolean up) {
            if (!up) {
              linkDowns.incrementAndGet();
            }
          }
        };
    // one session, a short call deadline and a probe every 10 ms: the probe must not queue
    // behind real calls and call a busy HSM lost (which used to finalise the module under them)
    try (Pkcs11KeyBackend busy =
        Pkcs11KeyBackend.start(
            new Pkcs11Settings(
                SoftHsm.LIBRARY,
                Optional.of(TOKEN),
                Optional.empty(),
                new PinSource.FromFile(hsm.pinFile()),
                1,
                Duration.ofMillis(20),
                Duration.ofMillis(10)),
            events)) {
      java.util.concurrent.ExecutorService load =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      for (int i = 0; i < 8; i++) {
        load.submit(
            () -> {
              while (System.nanoTime() < end) {
                try {
                  busy.encrypt(key, new byte[2 << 20], AAD); // ~5 ms of HSM time each
                } catch (com.sovereignstamp.bridge.keys.HsmUnavailableException overloaded) {
                  // a full queue or a missed deadline is fine; a lost link is not
                }
              }
              return null;
            });
      }
      load.shutdown();
      assertThat(load.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(linkDowns).hasValue(0);
      assertThat(busy.connected()).isTrue();
    }
  }

  @Test
  void keyDeletedBehindTheBackendsBack_isMissing() throws Exception {
    String key = newKey(true, true);
    backend.encrypt(key, new byte[] {1}, AAD); // caches the handle
    provisioner.delete(key);
    assertThatThrownBy(() -> backend.encrypt(key, new byte[] {1}, AAD))
        .isInstanceOf(KeyMissingException.class);
  }
}
