package com.sovereignstamp.bridge.keys;

/**
 * The HSM (or the link to it) does not offer the mechanism the operation needs, e.g. a PKCS#11
 * remoting layer that cannot carry AES-GCM parameters.
 */
public final class MechanismUnsupportedException extends KeyBackendException {
  public MechanismUnsupportedException(String message) {
    super(message, null);
  }
}
