package com.sovereignstamp.bridge.xks;

import com.sovereignstamp.bridge.keys.GcmCiphertext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The ciphertext data integrity value: SHA-256 over the caller's AAD, the ciphertext metadata, the
 * IV, the ciphertext and the tag, in that order, absent parts contributing nothing.
 */
public final class IntegrityValue {
  private IntegrityValue() {}

  public static byte[] sha256(Optional<byte[]> aad, byte[] ciphertextMetadata, GcmCiphertext c) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      aad.ifPresent(d::update);
      d.update(ciphertextMetadata);
      d.update(c.iv());
      d.update(c.ciphertext());
      d.update(c.tag());
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
