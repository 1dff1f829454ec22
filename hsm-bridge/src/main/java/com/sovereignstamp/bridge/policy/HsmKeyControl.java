package com.sovereignstamp.bridge.policy;

/**
 * Revocation inside the HSM, where the HSM allows it: the key's encrypt and decrypt attributes
 * cleared on revocation and set again on reinstatement, so that a bridge process alone (one that
 * lost or bypassed its policy store) cannot use a revoked key.
 */
public interface HsmKeyControl {
  /**
   * Sets whether the HSM lets the key encrypt and decrypt.
   *
   * @throws RuntimeException if the HSM refused or could not be reached
   */
  void setUsable(KeyRef key, boolean usable);

  /** Revocation in the policy only (the HSM-side option is off). */
  static HsmKeyControl none() {
    return (key, usable) -> {};
  }
}
