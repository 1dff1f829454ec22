package com.sovereignstamp.bridge.health;

/** The XKS health states of one HSM. */
public enum HsmHealth {
  /** The canary key encrypted and decrypted correctly, in good time. */
  ACTIVE,
  /** The HSM answers but slowly, or the canary key is missing or unusable. */
  DEGRADED,
  /** The HSM cannot be reached or fails. */
  UNAVAILABLE
}
