package com.sovereignstamp.bridge.keys;

/** No usable AES-256 key carries this label in the HSM (never created, or deleted). */
public final class KeyMissingException extends KeyBackendException {
  private final String label;

  public KeyMissingException(String label, String why) {
    super("key '" + label + "': " + why, null);
    this.label = label;
  }

  public String label() {
    return label;
  }
}
