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

  /**
   * The key of a {@code BEGIN PRIVATE KEY} block, whatever the file's permissions; the file's bytes
   * and the decoded bytes are zeroed afterwards.
   */
  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    return privateKey(Files.readAllBytes(file), file);
  }

  /**
   * The key of a {@code BEGIN PRIVATE KEY} block in a {@link SecretFile} (refused when group or
   * others may read or write it); the bytes read and decoded are zeroed afterwards.
   */
  static PrivateKey privateKeyOwnerOnly(Path file) throws GeneralSecurityException {
    return privateKey(SecretFile.readBytes(file), file);
  }

  /** Parses {@code raw} (zeroed afterwards); {@code file} only names it in messages. */
  private static PrivateKey privateKey(byte[] raw, Path file) throws GeneralSecurityException {
    byte[] der = decodeKeyBlock(raw, file);
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

  /** Works on the bytes alone (no String holds the key), and zeroes every copy it makes. */
  private static byte[] decodeKeyBlock(byte[] raw, Path file) throws GeneralSecurityException {
    byte[] block = null;
    try {
      int begin = indexOf(raw, BEGIN_KEY, 0);
      int end = begin < 0 ? -1 : indexOf(raw, END_KEY, begin);
      if (begin < 0 || end < 0) {
        throw new GeneralSecurityException(
            file.getFileName() + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY)");
      }
      block = Arrays.copyOfRange(raw, begin + BEGIN_KEY.length(), end);
      try {
        return Base64.getMimeDecoder().decode(block);
      } catch (IllegalArgumentException e) {
        throw new GeneralSecurityException(
            "the key block of " + file.getFileName() + " is not Base64");
      }
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (block != null) {
        Arrays.fill(block, (byte) 0);
      }
    }
  }

  private static int indexOf(byte[] haystack, String needle, int from) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = from; i <= haystack.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
