package com.sovereignstamp.sigv4;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA-256, the two primitives SigV4 uses. */
final class Hashing {
  private Hashing() {}

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
  static byte[] signingKey(SigningSecret secret, String date, String region, String service) {
    byte[] seed = secret.derivationSeed();
    try {
      byte[] kDate = hmac(seed, ascii(date));
      byte[] kRegion = hmac(kDate, ascii(region));
      byte[] kService = hmac(kRegion, ascii(service));
      byte[] kSigning = hmac(kService, ascii("aws4_request"));
      Arrays.fill(kDate, (byte) 0);
      Arrays.fill(kRegion, (byte) 0);
      Arrays.fill(kService, (byte) 0);
      return kSigning;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
