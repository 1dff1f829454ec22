package com.sovereignstamp.bridge.keys;

/**
 * A key operation that did not complete. Messages name the key label and the failure class but
 * never carry key material, plaintext or PINs.
 */
public abstract class KeyBackendException extends RuntimeException {
  protected KeyBackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
