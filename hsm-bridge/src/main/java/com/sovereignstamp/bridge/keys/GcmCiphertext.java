package com.sovereignstamp.bridge.keys;

/**
 * The three parts of an AES-GCM result, kept apart as XKS transports them.
 *
 * @param iv 12 or 16 bytes
 * @param ciphertext as long as the plaintext
 * @param tag 16 bytes
 */
public record GcmCiphertext(byte[] iv, byte[] ciphertext, byte[] tag) {
  public static final int TAG_BYTES = 16;

  /** Ciphertext followed by tag, the layout PKCS#11 and JCE use. */
  public byte[] ciphertextWithTag() {
    byte[] out = new byte[ciphertext.length + tag.length];
    System.arraycopy(ciphertext, 0, out, 0, ciphertext.length);
    System.arraycopy(tag, 0, out, ciphertext.length, tag.length);
    return out;
  }

  /** Splits ciphertext-followed-by-tag into its parts. */
  public static GcmCiphertext split(byte[] iv, byte[] ciphertextWithTag, int length) {
    int ctLen = length - TAG_BYTES;
    byte[] ct = new byte[ctLen];
    byte[] tag = new byte[TAG_BYTES];
    System.arraycopy(ciphertextWithTag, 0, ct, 0, ctLen);
    System.arraycopy(ciphertextWithTag, ctLen, tag, 0, TAG_BYTES);
    return new GcmCiphertext(iv, ct, tag);
  }

  @Override
  public String toString() {
    return "GcmCiphertext[" + ciphertext.length + " bytes]";
  }
}
