package com.sovereignstamp.bridge.keys;

/** The HSM refused to decrypt: wrong tag, wrong AAD, wrong IV or a corrupted ciphertext. */
public final class CiphertextRejectedException extends KeyBackendException {
  public CiphertextRejectedException(String label) {
    super("key '" + label + "': ciphertext or additional data rejected", null);
  }
}
