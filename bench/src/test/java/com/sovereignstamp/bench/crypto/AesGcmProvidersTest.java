package com.sovereignstamp.bench.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.fips.BcFips;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The two providers compute the same AES-256-GCM, so the benchmark compares like with like. */
class AesGcmProvidersTest {
  @Test
  void bouncyCastleFipsAndTheJdk_produceTheSameCiphertextAndTag() throws Exception {
    Provider bc = BcFips.provider();
    Provider jdk = Security.getProvider("SunJCE");
    SecretKeySpec key = new SecretKeySpec(sequence(32, 1), "AES");
    GCMParameterSpec nonce = new GCMParameterSpec(128, sequence(12, 7));
    byte[] plaintext = sequence(4096 + 5, 3);

    assertThat(encrypt(bc, key, nonce, plaintext))
        .isEqualTo(encrypt(jdk, key, nonce, plaintext))
        .hasSize(plaintext.length + 16);
  }

  private static byte[] encrypt(Provider p, SecretKeySpec k, GCMParameterSpec n, byte[] plaintext)
      throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding", p);
    c.init(Cipher.ENCRYPT_MODE, k, n);
    return c.doFinal(plaintext);
  }

  private static byte[] sequence(int length, int step) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (i * step);
    }
    return b;
  }
}
