package com.sovereignstamp.bridge.xks;

import java.util.Optional;

/**
 * The bridge's {@code ciphertextMetadata}: one layout byte ({@code 0x01}) followed by the key
 * version as a 4-byte big-endian integer. It is bound into the AAD, so a ciphertext claimed for
 * another key version fails to decrypt; rotation can find the version without trial decryption.
 */
public final class CiphertextMetadata {
  static final byte LAYOUT_V1 = 0x01;
  static final int LENGTH = 5;

  private CiphertextMetadata() {}

  public static byte[] forKeyVersion(int version) {
    return new byte[] {
      LAYOUT_V1,
      (byte) (version >>> 24),
      (byte) (version >>> 16),
      (byte) (version >>> 8),
      (byte) version
    };
  }

  /** The key version this metadata names, or empty when it is not in a layout this bridge wrote. */
  public static Optional<Integer> keyVersion(byte[] metadata) {
    if (metadata.length != LENGTH || metadata[0] != LAYOUT_V1) {
      return Optional.empty();
    }
    return Optional.of(
        ((metadata[1] & 0xff) << 24)
            | ((metadata[2] & 0xff) << 16)
            | ((metadata[3] & 0xff) << 8)
            | (metadata[4] & 0xff));
  }
}
