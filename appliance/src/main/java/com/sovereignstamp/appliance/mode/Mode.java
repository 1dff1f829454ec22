package com.sovereignstamp.appliance.mode;

/** The stamp's operating mode, from the loosest to the tightest. */
public enum Mode {
  /** The bridge answers, the key is enabled and the stamp authorized: reads and writes. */
  NORMAL,
  /** The bridge or its HSM cannot be reached: some reads from cached keys, no writes. */
  DEGRADED_READ_ONLY,
  /** The key is disabled or gone, or the bridge refuses the stamp: nothing is served. */
  REVOKED;

  /** Whether this mode allows less than {@code other}. */
  public boolean isTighterThan(Mode other) {
    return ordinal() > other.ordinal();
  }
}
