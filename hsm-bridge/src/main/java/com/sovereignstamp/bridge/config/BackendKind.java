package com.sovereignstamp.bridge.config;

/** Which key backend the bridge runs on. */
public enum BackendKind {
  /** A real HSM (or SoftHSM2) through its PKCS#11 library. */
  PKCS11,
  /** A Bouncy Castle FIPS key store file; demo only, for machines without SoftHSM2. */
  SOFTWARE
}
