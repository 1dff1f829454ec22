package com.sovereignstamp.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** A SigV4 secret access key. It cannot be printed, compares in constant time and can be zeroed. */
public final class SigningSecret {
  private final byte[] bytes;

  private SigningSecret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes a copy of the secret's characters; the caller may then clear its array. */
  public static SigningSecret of(char[] secret) {
    byte[] b = new byte[secret.length];
    for (int i = 0; i < secret.length; i++) {
      if (secret[i] > 0x7f) {
        throw new IllegalArgumentException("a SigV4 secret is ASCII");
      }
      b[i] = (byte) secret[i];
    }
    return new SigningSecret(b);
  }

  public static SigningSecret of(String secret) {
    return new SigningSecret(secret.getBytes(StandardCharsets.US_ASCII));
  }

  /** The key of the first HMAC in the derivation chain: "AWS4" followed by the secret. */
  byte[] derivationSeed() {
    byte[] seed = new byte[4 + bytes.length];
    seed[0] = 'A';
    seed[1] = 'W';
    seed[2] = 'S';
    seed[3] = '4';
    System.arraycopy(bytes, 0, seed, 4, bytes.length);
    return seed;
  }

  public int length() {
    return bytes.length;
  }

  /** Overwrites the secret; the object is unusable afterwards. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningSecret other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return "SigningSecret[redacted]";
  }
}
