package com.sovereignstamp.xks.client;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * An AES-256-GCM key as an XKS proxy uses it: the HSM's AAD is u16be(len AAD) ‖ AAD ‖ u8(len meta)
 * ‖ meta, the IV is 12 random bytes and the tag 16 bytes.
 */
final class FakeKey {
  static final byte[] METADATA = {'v', '1'};
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKey key;

  record Sealed(byte[] ciphertext, byte[] iv, byte[] tag) {}

  FakeKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      key = generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  Sealed encrypt(byte[] plaintext, byte[] aad) throws GeneralSecurityException {
    byte[] iv = new byte[12];
    RANDOM.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    cipher.updateAAD(hsmAad(aad, METADATA));
    byte[] out = cipher.doFinal(plaintext);
    int n = out.length - 16;
    byte[] ciphertext = new byte[n];
    byte[] tag = new byte[16];
    System.arraycopy(out, 0, ciphertext, 0, n);
    System.arraycopy(out, n, tag, 0, 16);
    return new Sealed(ciphertext, iv, tag);
  }

  /** Throws {@link javax.crypto.AEADBadTagException} when anything was altered. */
  byte[] decrypt(Sealed sealed, byte[] aad, byte[] meta) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed.iv()));
    cipher.updateAAD(hsmAad(aad, meta));
    cipher.update(sealed.ciphertext());
    return cipher.doFinal(sealed.tag());
  }

  /** The integrity value, computed independently of the client's code. */
  static byte[] integrity(byte[] aad, byte[] meta, Sealed s) throws GeneralSecurityException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(
        ByteBuffer.allocate(
                aad.length + meta.length + s.iv().length + s.ciphertext().length + s.tag().length)
            .put(aad)
            .put(meta)
            .put(s.iv())
            .put(s.ciphertext())
            .put(s.tag())
            .array());
    return sha.digest();
  }

  private static byte[] hsmAad(byte[] aad, byte[] meta) {
    return ByteBuffer.allocate(3 + aad.length + meta.length)
        .putShort((short) aad.length)
        .put(aad)
        .put((byte) meta.length)
        .put(meta)
        .array();
  }
}
