package com.sovereignstamp.bridge.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.config.SoftwareBackendSettings;
import com.sovereignstamp.bridge.keys.CiphertextRejectedException;
import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.KeyMissingException;
import com.sovereignstamp.bridge.keys.KeyUsage;
import com.sovereignstamp.bridge.keys.KeyUsageNotPermittedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSoftwareKeyBackendTest {
  @TempDir static Path dir;
  private static DemoSoftwareKeyBackend backend;
  private static final byte[] AAD = {0, 1, 'a', 0};

  @BeforeAll
  static void createKeyStore() throws Exception {
    Path password = dir.resolve("password");
    Files.writeString(password, "a-demo-password-of-some-length\n");
    Path file = dir.resolve("keys.bcfks");
    DemoSoftwareKeyStore.create(file, password, "both:encrypt+decrypt", "enc:encrypt", "none:none");
    backend = new DemoSoftwareKeyBackend(new SoftwareBackendSettings(file, password));
  }

  @Test
  void runsInBouncyCastleFipsApprovedOnlyMode() {
    assertThat(CryptoServicesRegistrar.isInApprovedOnlyMode()).isTrue();
  }

  @Test
  void encryptThenDecrypt_roundTripsWithAModuleGeneratedIv() {
    GcmCiphertext c = backend.encrypt("both", new byte[] {1, 2, 3}, AAD);
    assertThat(c.iv()).hasSize(12);
    assertThat(backend.decrypt("both", c, AAD)).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> backend.decrypt("both", c, new byte[] {0, 0, 0}))
        .isInstanceOf(CiphertextRejectedException.class);
  }

  @Test
  void usageAndMissingKeys_behaveLikeTheHsm() {
    assertThat(backend.describe("enc").usages()).containsExactly(KeyUsage.ENCRYPT);
    GcmCiphertext c = backend.encrypt("enc", new byte[] {1}, AAD);
    assertThatThrownBy(() -> backend.decrypt("enc", c, AAD))
        .isInstanceOf(KeyUsageNotPermittedException.class);
    assertThatThrownBy(() -> backend.encrypt("none", new byte[] {1}, AAD))
        .isInstanceOf(KeyUsageNotPermittedException.class);
    assertThatThrownBy(() -> backend.describe("nope")).isInstanceOf(KeyMissingException.class);
  }

  @Test
  void saysLoudlyThatItIsNotAnHsm() {
    assertThat(backend.identity().model()).contains("DEMO ONLY").contains("NOT AN HSM");
    assertThat(backend.kind()).contains("demo only");
  }
}
