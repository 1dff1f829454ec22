package com.sovereignstamp.xks.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The ciphertext data integrity value of API v1: SHA-256 over AAD ‖ ciphertextMetadata ‖ IV ‖
 * ciphertext ‖ tag, each absent part taken as empty.
 */
final class IntegrityValue {
  private IntegrityValue() {}

  static byte[] compute(byte[] aad, XksCiphertext c) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      if (aad != null) {
        sha256.update(aad);
      }
      byte[] meta = c.ciphertextMetadata();
      if (meta != null) {
        sha256.update(meta);
      }
      sha256.update(c.iv());
      sha256.update(c.ciphertext());
      sha256.update(c.authenticationTag());
      return sha256.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** True when {@code claimed} is the standard Base64 of the expected digest. */
  static boolean matches(String claimed, byte[] aad, XksCiphertext c) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(claimed);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(decoded, compute(aad, c))
        && claimed.equals(Base64.getEncoder().encodeToString(decoded));
  }
}
