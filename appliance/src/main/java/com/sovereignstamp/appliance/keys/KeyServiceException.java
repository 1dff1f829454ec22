package com.sovereignstamp.appliance.keys;

/**
 * The customer's key could not be used. The reason tells the operating modes apart later; in this
 * version every reason fails the request with 503. Messages never carry key material.
 */
public final class KeyServiceException extends RuntimeException {
  /** Why the bridge did not help. */
  public enum Reason {
    /** No answer in time, no connection, or the client's circuit breaker is open. */
    UNREACHABLE,
    /** The key is disabled or revoked at the bridge. */
    REVOKED,
    /** The bridge refused this stamp (credential or grant withdrawn). */
    REFUSED,
    /** The bridge does not know the key. */
    KEY_NOT_FOUND,
    /** The bridge could not decrypt the wrapped key (wrong context or damaged). */
    INVALID_CIPHERTEXT,
    /** Anything else. */
    FAILED
  }

  private final Reason reason;

  public KeyServiceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
