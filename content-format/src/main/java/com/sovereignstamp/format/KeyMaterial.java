package com.sovereignstamp.format;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Secret key bytes (a DEK, subject key, second key, index key or derived key). Cannot be printed,
 * has no public accessor for its bytes, and is zeroed on {@link #close()}; using it afterwards
 * throws. Copies that the JCA provider makes internally are outside its reach.
 */
public final class KeyMaterial implements AutoCloseable {
  private final byte[] bytes;
  private volatile boolean closed;

  private KeyMaterial(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes a copy; the caller zeroes its own array. */
  public static KeyMaterial copyOf(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("empty key");
    }
    return new KeyMaterial(key.clone());
  }

  /** A fresh 256-bit key from the given (approved DRBG) random source. */
  public static KeyMaterial generate(SecureRandom random) {
    byte[] k = new byte[FormatV1.KEY_SIZE];
    random.nextBytes(k);
    return new KeyMaterial(k);
  }

  /** Wraps without copying: only for arrays this package made and nobody else holds. */
  static KeyMaterial adopt(byte[] key) {
    return new KeyMaterial(key);
  }

  /** The live bytes, for this package's derivations only. Never store or log them. */
  byte[] bytes() {
    if (closed) {
      throw new IllegalStateException("key material already closed");
    }
    return bytes;
  }

  public int length() {
    return bytes.length;
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return "KeyMaterial[redacted]";
  }
}
