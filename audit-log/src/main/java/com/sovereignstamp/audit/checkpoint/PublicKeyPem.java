package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.fips.BcFips;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A checkpoint public key as PEM text: {@code -----BEGIN PUBLIC KEY-----}, the Base64 of its
 * SubjectPublicKeyInfo (RFC 7468 §13), {@code -----END PUBLIC KEY-----}.
 */
public final class PublicKeyPem {
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  private PublicKeyPem() {}

  public static String encode(PublicKey key) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  /**
   * Reads the first public key block of a PEM text; it must be an EC key (checkpoints are signed
   * with P-256).
   *
   * @throws GeneralSecurityException if there is no such block or it is not an EC public key
   */
  public static PublicKey decode(String pem) throws GeneralSecurityException {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException("no '" + BEGIN + "' block");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("the public key block is not Base64");
    }
    PublicKey key;
    try {
      key =
          KeyFactory.getInstance("EC", BcFips.provider())
              .generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new GeneralSecurityException("the public key block is not an EC public key");
    }
    if (!(key instanceof ECPublicKey)) {
      throw new GeneralSecurityException("the public key block is not an EC public key");
    }
    return key;
  }
}
