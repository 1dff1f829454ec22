package com.sovereignstamp.xks.client;

/**
 * The parts of an XKS ciphertext that a decrypt call sends back. {@link EncryptResult} is one;
 * {@link #of} makes one from stored parts.
 */
public interface XksCiphertext {
  byte[] ciphertext();

  /** The initialization vector ({@code initializationVector}). */
  byte[] iv();

  byte[] authenticationTag();

  /** The proxy's ciphertext metadata, or null when it returned none. */
  byte[] ciphertextMetadata();

  /** Stored or altered parts, with no integrity value. */
  static XksCiphertext of(
      byte[] ciphertext, byte[] iv, byte[] authenticationTag, byte[] ciphertextMetadata) {
    return new EncryptResult(ciphertext, iv, authenticationTag, ciphertextMetadata, null);
  }
}
