package com.sovereignstamp.xks.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Reads PEM certificates and unencrypted PKCS#8 private keys. */
final class Pem {
  private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
  private static final String END_KEY = "-----END PRIVATE KEY-----";
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA");

  private Pem() {}

  static List<X509Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
    }
    if (out.isEmpty()) {
      throw new GeneralSecurityException("no certificate in " + file.getFileName());
    }
    return out;
  }

  /** The key of a {@code BEGIN PRIVATE KEY} block; the decoded bytes are zeroed afterwards. */
  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    byte[] der = decodeKeyBlock(file);
    try {
      PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
      for (String algorithm : KEY_ALGORITHMS) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (InvalidKeySpecException e) {
          // not this algorithm: try the next one
        }
      }
      throw new GeneralSecurityException(
          "the private key in " + file.getFileName() + " is neither EC nor RSA");
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static byte[] decodeKeyBlock(Path file) throws IOException, GeneralSecurityException {
    byte[] raw = Files.readAllBytes(file);
    try {
      String text = new String(raw, StandardCharsets.US_ASCII);
      int begin = text.indexOf(BEGIN_KEY);
      int end = text.indexOf(END_KEY);
      if (begin < 0 || end < begin) {
        throw new GeneralSecurityException(
            file.getFileName() + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY)");
      }
      try {
        return Base64.getMimeDecoder().decode(text.substring(begin + BEGIN_KEY.length(), end));
      } catch (IllegalArgumentException e) {
        throw new GeneralSecurityException(
            "the key block of " + file.getFileName() + " is not Base64");
      }
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }
}
