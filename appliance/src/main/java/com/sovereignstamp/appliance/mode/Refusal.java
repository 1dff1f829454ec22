package com.sovereignstamp.appliance.mode;

/** Why the mode refused an operation. */
public enum Refusal {
  /** {@code REVOKED}: no content operation at all. */
  KEY_REVOKED,
  /** {@code DEGRADED_READ_ONLY}: writes are refused. */
  READ_ONLY,
  /** {@code DEGRADED_READ_ONLY}: this collection's classification is not served while degraded. */
  NOT_SERVED_WHILE_DEGRADED,
  /** {@code DEGRADED_READ_ONLY}: the read needs a key that is not in this node's cache. */
  KEY_NOT_CACHED
}
