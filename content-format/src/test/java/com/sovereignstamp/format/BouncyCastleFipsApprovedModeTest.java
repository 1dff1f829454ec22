package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.fips.BcFips;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.junit.jupiter.api.Test;

/**
 * What Bouncy Castle FIPS (bc-fips 2.1.2) allows and refuses in approved-only mode, for the choices
 * of docs/format.md ("Bouncy Castle FIPS, approved-only mode"). If an upgrade changes one of these,
 * this test says which.
 */
class BouncyCastleFipsApprovedModeTest {
  private final Provider bc = BcFips.provider();
  private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");

  @Test
  void everyThreadRunsInApprovedOnlyMode() {
    assertThat(CryptoServicesRegistrar.isInApprovedOnlyMode()).isTrue();
  }

  @Test
  void hkdfIsOfferedByTheLowLevelFipsKdfApiButNotAsAJcaService() {
    try (KeyMaterial ikm = KeyMaterial.copyOf(new byte[32]);
        KeyMaterial okm = HkdfSha256.derive(ikm, new byte[32], new byte[] {1}, 32)) {
      assertThat(okm.length()).isEqualTo(32);
    }
    for (String name : new String[] {"HKDF", "HKDF-SHA256", "HKDFwithSHA256"}) {
      assertThatThrownBy(() -> SecretKeyFactory.getInstance(name, bc))
          .isInstanceOf(NoSuchAlgorithmException.class);
    }
  }

  @Test
  void gcmEncryptionAcceptsANonceBuiltByTheCaller() throws Exception {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", bc);
    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
    gcm.updateAAD(new byte[5]);
    assertThat(gcm.doFinal(new byte[3])).hasSize(3 + 16);
  }

  @Test
  void gcmDoesNotRefuseAReusedKeyAndNonceSoTheFormatMustNeverReuseOne() throws Exception {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", bc);
    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
    gcm.doFinal(new byte[3]);
    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
    assertThat(gcm.doFinal(new byte[3])).hasSize(19);
  }

  @Test
  void gcmRefusesNoncesShorterThan96Bits() throws Exception {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", bc);
    assertThatThrownBy(
            () -> gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[8])))
        .hasMessageContaining("IV must be at least 12 bytes");
  }

  @Test
  void hmacRefusesKeysShorterThan112Bits() throws Exception {
    Mac mac = Mac.getInstance("HMacSHA256", bc);
    assertThatThrownBy(() -> mac.init(new SecretKeySpec(new byte[8], "HmacSHA256")))
        .hasMessageContaining("at least 112 bits");
  }
}
