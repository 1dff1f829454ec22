package com.sovereignstamp.appliance.mode;

import java.time.Duration;

/**
 * Where the monitor learns the customer key's state (the bridge, through an adapter). Every method
 * throws {@link com.sovereignstamp.appliance.keys.KeyServiceException} naming the reason when the
 * bridge does not answer, refuses the stamp, or does not know the key.
 */
public interface KeyStatusSource {
  /**
   * Waits until the bridge's policy is newer than {@code sinceVersion} ({@code -1}: answer at
   * once), or {@code wait} has passed, and answers the key's state.
   */
  KeyWatchAnswer watch(long sinceVersion, Duration wait);

  /** The key's state from its metadata, now (the slower safety net beside the watch). */
  KeyState describe();

  /** A test wrap and unwrap of a fresh random value through the customer's key. */
  void probe();
}
