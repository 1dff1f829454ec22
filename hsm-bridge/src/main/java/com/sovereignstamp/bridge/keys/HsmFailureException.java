package com.sovereignstamp.bridge.keys;

/** The HSM answered with an error that is neither the caller's fault nor a lost link. */
public final class HsmFailureException extends KeyBackendException {
  public HsmFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
