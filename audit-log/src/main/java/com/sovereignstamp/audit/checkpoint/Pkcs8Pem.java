package com.sovereignstamp.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The DER inside the first unencrypted PKCS#8 block ({@code -----BEGIN PRIVATE KEY-----}, RFC 7468
 * §10) of a file read as bytes — no {@code String} copy of the key. The caller zeroes both the
 * bytes it passed and the DER it gets back; the intermediate Base64 body is zeroed here.
 */
public final class Pkcs8Pem {
  private static final byte[] BEGIN =
      "-----BEGIN PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "-----END PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);

  private Pkcs8Pem() {}

  /**
   * @param file named in the messages only
   * @throws GeneralSecurityException if there is no such block or it is not Base64
   */
  public static byte[] decode(byte[] raw, Path file) throws GeneralSecurityException {
    int begin = indexOf(raw, BEGIN, 0);
    int end = begin < 0 ? -1 : indexOf(raw, END, begin + BEGIN.length);
    if (begin < 0 || end < 0) {
      throw new GeneralSecurityException(
          file
              + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with"
              + " openssl pkcs8 -topk8 -nocrypt");
    }
    byte[] body = Arrays.copyOfRange(raw, begin + BEGIN.length, end);
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("the key block of " + file + " is not Base64");
    } finally {
      Arrays.fill(body, (byte) 0);
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
