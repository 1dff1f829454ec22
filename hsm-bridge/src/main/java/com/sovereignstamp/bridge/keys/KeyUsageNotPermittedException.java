package com.sovereignstamp.bridge.keys;

/** The HSM key's attributes do not allow the requested operation. */
public final class KeyUsageNotPermittedException extends KeyBackendException {
  public KeyUsageNotPermittedException(String label, KeyUsage usage) {
    super("key '" + label + "' does not permit " + usage, null);
  }
}
