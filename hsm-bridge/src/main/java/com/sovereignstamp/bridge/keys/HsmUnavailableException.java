package com.sovereignstamp.bridge.keys;

/**
 * The HSM could not be reached or did not answer within the call deadline. The backend keeps trying
 * to reconnect on its own.
 */
public final class HsmUnavailableException extends KeyBackendException {
  public HsmUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
