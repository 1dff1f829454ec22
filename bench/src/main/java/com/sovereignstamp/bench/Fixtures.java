package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.EncryptResult;
import com.sovereignstamp.xks.client.XksClient;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Makes the ciphertexts to decrypt: one XKS encrypt per payload size, with a random AAD. */
final class Fixtures {
  static final int AAD_BYTES = 32;

  private Fixtures() {}

  static List<DecryptFixture> encrypt(XksClient client, String keyId, List<Integer> sizes) {
    SecureRandom random = new SecureRandom();
    List<DecryptFixture> fixtures = new ArrayList<>();
    for (int size : sizes) {
      byte[] plaintext = new byte[size];
      byte[] aad = new byte[AAD_BYTES];
      random.nextBytes(plaintext);
      random.nextBytes(aad);
      EncryptResult encrypted = client.encrypt(keyId, plaintext, aad, false);
      fixtures.add(new DecryptFixture(DecryptFixture.sizeName(size), plaintext, aad, encrypted));
    }
    return List.copyOf(fixtures);
  }
}
