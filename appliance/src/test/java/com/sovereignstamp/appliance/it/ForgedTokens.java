package com.sovereignstamp.appliance.it;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an attacker makes of a real token of the stamp's identity provider: the same claims
 * unsigned, HMAC-signed, re-signed with a key of their own, or with a changed payload under the
 * original signature.
 */
final class ForgedTokens {
  private ForgedTokens() {}

  /** {@code alg: none} and no signature, the real claims. */
  static String unsigned(String real) {
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + real.split("\\.")[1] + ".";
  }

  /** HS256 over the real claims, keyed with something an attacker could know. */
  static String hmacSigned(String real) throws Exception {
    String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + real.split("\\.")[1];
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("stamp-api".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The real header (same key id) and claims, signed with the attacker's own RSA key. */
  static String signedByStranger(String real) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    PrivateKey key = g.generateKeyPair().getPrivate();
    String[] parts = real.split("\\.");
    String input = parts[0] + "." + parts[1];
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(s.sign());
  }

  /** The real token with one claim's text replaced, the original signature kept. */
  static String tampered(String real, String from, String to) {
    String[] parts = real.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    if (!claims.contains(from)) {
      throw new IllegalArgumentException("the token's claims do not contain " + from);
    }
    return parts[0] + "." + b64(claims.replace(from, to)) + "." + parts[2];
  }

  static String claims(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
