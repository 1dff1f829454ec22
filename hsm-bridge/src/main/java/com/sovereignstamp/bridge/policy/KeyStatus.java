package com.sovereignstamp.bridge.policy;

/** A key's standing with the officers. */
public enum KeyStatus {
  ENABLED,
  REVOKED
}
