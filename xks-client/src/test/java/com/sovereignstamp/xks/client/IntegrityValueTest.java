package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IntegrityValueTest {
  private static final byte[] CT = {1, 2, 3};
  private static final byte[] IV = {4, 5};
  private static final byte[] TAG = {6};

  private static String expected(byte[]... parts) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (byte[] p : parts) {
      sha.update(p);
    }
    return Base64.getEncoder().encodeToString(sha.digest());
  }

  @Test
  void theValue_coversAadMetadataIvCiphertextAndTagInThatOrder() throws Exception {
    XksCiphertext c = XksCiphertext.of(CT, IV, TAG, new byte[] {7});

    String value = expected(new byte[] {9}, new byte[] {7}, IV, CT, TAG);

    assertThat(IntegrityValue.matches(value, new byte[] {9}, c)).isTrue();
    assertThat(IntegrityValue.matches(value, new byte[] {8}, c)).isFalse();
  }

  @Test
  void absentAadAndMetadata_countAsEmpty() throws Exception {
    XksCiphertext c = XksCiphertext.of(CT, IV, TAG, null);

    assertThat(IntegrityValue.matches(expected(IV, CT, TAG), null, c)).isTrue();
  }

  @Test
  void aValueThatIsNotBase64_doesNotMatch() {
    assertThat(IntegrityValue.matches("%%%", null, XksCiphertext.of(CT, IV, TAG, null))).isFalse();
  }
}
