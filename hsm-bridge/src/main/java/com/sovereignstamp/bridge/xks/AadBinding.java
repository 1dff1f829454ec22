package com.sovereignstamp.bridge.xks;

import java.util.Optional;

/**
 * The AAD handed to the HSM: {@code u16be(len AAD) ‖ AAD ‖ u8(len metadata) ‖ metadata}, absent
 * parts with length zero. The lengths stop a caller from moving bytes between the two fields.
 */
public final class AadBinding {
  private AadBinding() {}

  public static byte[] hsmAad(Optional<byte[]> aad, Optional<byte[]> ciphertextMetadata) {
    byte[] a = aad.orElse(new byte[0]);
    byte[] m = ciphertextMetadata.orElse(new byte[0]);
    if (a.length > 0xFFFF || m.length > 0xFF) {
      throw new IllegalArgumentException("AAD or ciphertext metadata too long to bind");
    }
    byte[] out = new byte[2 + a.length + 1 + m.length];
    out[0] = (byte) (a.length >>> 8);
    out[1] = (byte) a.length;
    System.arraycopy(a, 0, out, 2, a.length);
    out[2 + a.length] = (byte) m.length;
    System.arraycopy(m, 0, out, 3 + a.length, m.length);
    return out;
  }
}
