package com.sovereignstamp.bridge.officer;

import com.sovereignstamp.fips.BcFips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An officer's private key as an unencrypted PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----},
 * RFC 7468 §10), read as an EC key by Bouncy Castle FIPS. The file is handled as bytes only (no
 * {@code String} copy of the key), and its bytes and the decoded key bytes are zeroed once the key
 * is made.
 */
public final class PrivateKeyPem {
  private static final byte[] BEGIN =
      "-----BEGIN PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "-----END PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);

  private PrivateKeyPem() {}

  public static PrivateKey read(Path file) throws IOException, GeneralSecurityException {
    byte[] raw = Files.readAllBytes(file);
    byte[] body = null;
    byte[] der = null;
    try {
      int begin = indexOf(raw, BEGIN, 0);
      int end = begin < 0 ? -1 : indexOf(raw, END, begin + BEGIN.length);
      if (begin < 0 || end < 0) {
        throw new GeneralSecurityException(
            file
                + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with"
                + " openssl pkcs8 -topk8 -nocrypt");
      }
      body = Arrays.copyOfRange(raw, begin + BEGIN.length, end);
      try {
        der = Base64.getMimeDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new GeneralSecurityException("the key block of " + file + " is not Base64");
      }
      PrivateKey key;
      try {
        key =
            KeyFactory.getInstance("EC", BcFips.provider())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new GeneralSecurityException("the key in " + file + " is not an EC private key");
      }
      if (!(key instanceof ECPrivateKey)) {
        throw new GeneralSecurityException("the key in " + file + " is not an EC private key");
      }
      return key;
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (body != null) {
        Arrays.fill(body, (byte) 0);
      }
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
