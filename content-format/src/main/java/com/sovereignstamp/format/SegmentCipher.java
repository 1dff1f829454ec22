package com.sovereignstamp.format;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over one segment with the per-object key: nonce = prefix ‖ u32be(index) ‖ last flag,
 * AAD = header ‖ context, 128-bit tag appended. Holds a cipher lent by {@link GcmCiphers} until
 * {@link #close()}; sealing, opening and closing are serialised, so a cipher is never given back
 * while in use.
 */
final class SegmentCipher implements AutoCloseable {
  private final SecretKey key;
  private final byte[] noncePrefix;
  private final byte[] aad;
  private final String documentId;
  private Cipher cipher;

  SegmentCipher(KeyMaterial objectKey, Header header, EncryptionContext context) {
    this.key = new LiveAesKey(objectKey);
    this.noncePrefix = header.noncePrefix();
    this.aad = Encoding.concat(header.encode(), context.encode());
    this.documentId = context.documentId();
    this.cipher = GcmCiphers.take();
  }

  static byte[] nonce(byte[] prefix, int index, boolean last) {
    byte[] n = new byte[FormatV1.NONCE_SIZE];
    System.arraycopy(prefix, 0, n, 0, FormatV1.NONCE_PREFIX_SIZE);
    int at = FormatV1.NONCE_PREFIX_SIZE;
    n[at] = (byte) (index >>> 24);
    n[at + 1] = (byte) (index >>> 16);
    n[at + 2] = (byte) (index >>> 8);
    n[at + 3] = (byte) index;
    n[at + 4] = (byte) (last ? 1 : 0);
    return n;
  }

  synchronized byte[] seal(int index, boolean last, byte[] plaintext, int offset, int length) {
    checkOpen();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, spec(index, last));
      cipher.updateAAD(aad);
      return cipher.doFinal(plaintext, offset, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  synchronized byte[] open(int index, boolean last, byte[] ciphertext) {
    checkOpen();
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, spec(index, last));
      cipher.updateAAD(aad);
      return cipher.doFinal(ciphertext);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IntegrityFailureException(documentId);
    }
  }

  /**
   * A JCA view of the per-object key that keeps no copy of its own: each {@code getEncoded} reads
   * the {@link KeyMaterial}, so once that is closed the cipher cannot be initialised again.
   */
  private static final class LiveAesKey implements SecretKey {
    private final transient KeyMaterial material;

    LiveAesKey(KeyMaterial material) {
      this.material = material;
    }

    @Override
    public String getAlgorithm() {
      return "AES";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return material.bytes().clone();
    }

    @Override
    public boolean isDestroyed() {
      return material.isClosed();
    }

    @Override
    public String toString() {
      return "AES key[redacted]";
    }
  }

  /** Gives the cipher back (once); later seals and opens fail as after the key was zeroed. */
  @Override
  public synchronized void close() {
    if (cipher != null) {
      GcmCiphers.giveBack(cipher);
      cipher = null;
    }
  }

  private void checkOpen() {
    if (cipher == null || key.isDestroyed()) {
      throw new IllegalStateException("the per-object key was already zeroed (closed)");
    }
  }

  private GCMParameterSpec spec(int index, boolean last) {
    return new GCMParameterSpec(FormatV1.TAG_SIZE * 8, nonce(noncePrefix, index, last));
  }
}
