package com.sovereignstamp.xks.client;

/**
 * The ciphertext does not authenticate under the key with the given AAD ({@code
 * InvalidCiphertextException}): tampered, truncated, or decrypted with another context. No detail
 * about which part failed.
 */
public class XksInvalidCiphertextException extends XksException {
  /**
   * @param keyId the external key id of the call, or null; kept out of the message
   */
  public XksInvalidCiphertextException(
      int status, String errorName, String errorMessage, String keyId) {
    super(status, errorName, errorMessage, keyId, null);
  }
}
