package com.sovereignstamp.bench;

import java.io.ByteArrayOutputStream;

/**
 * The AAD the bridge hands the HSM for an XKS ciphertext: {@code u16be(len aad) ‖ aad ‖ u8(len
 * meta) ‖ meta}, an absent part having length 0.
 */
final class HsmAad {
  private HsmAad() {}

  static byte[] of(byte[] callerAad, byte[] ciphertextMetadata) {
    byte[] aad = callerAad == null ? new byte[0] : callerAad;
    byte[] meta = ciphertextMetadata == null ? new byte[0] : ciphertextMetadata;
    if (aad.length > 0xffff || meta.length > 0xff) {
      throw new IllegalArgumentException("AAD or ciphertext metadata too long");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(3 + aad.length + meta.length);
    out.write(aad.length >>> 8);
    out.write(aad.length);
    out.writeBytes(aad);
    out.write(meta.length);
    out.writeBytes(meta);
    return out.toByteArray();
  }
}
