package com.sovereignstamp.appliance.keys;

/** Where wrapped collection keys are stored (the stamp's database). */
public interface WrappedKeys {
  /**
   * @throws IllegalStateException if the key does not exist (a collection always has the versions
   *     its rows name)
   */
  WrappedKey find(KeyRef ref);
}
