package com.sovereignstamp.appliance.mode;

/** What the bridge says of the customer's key, for this stamp. */
public enum KeyState {
  /** Enabled, and this stamp may decrypt with it. */
  ENABLED,
  /** Disabled or revoked by the officers. */
  DISABLED,
  /** The bridge (or the HSM behind it) does not know the key. */
  NOT_FOUND,
  /** The key is enabled, but this stamp's grant on it is withdrawn. */
  NOT_GRANTED;

  public boolean usable() {
    return this == ENABLED;
  }
}
