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
        Pkcs11KeyBackend.start(
            new Pkcs11Settings(
                SoftHsm.LIBRARY,
                Optional.of(TOKEN),
                Optional.empty(),
                new PinSource.FromFile(hsm.pinFile()),
                4,
                Duration.ofMillis(500),
                Duration.ofMillis(200)),
            HsmEvents.NONE);
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
  void keyDeletedBehindTheBackendsBack_isMissing() throws Exception {
    String key = newKey(true, true);
    backend.encrypt(key, new byte[] {1}, AAD); // caches the handle
    provisioner.delete(key);
    assertThatThrownBy(() -> backend.encrypt(key, new byte[] {1}, AAD))
        .isInstanceOf(KeyMissingException.class);
  }
}
