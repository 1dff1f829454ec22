package com.sovereignstamp.appliance.mode;

/** Where a read may take its collection key from in the current mode. */
public enum KeyAccess {
  /** From the cache, or unwrapped through the bridge on a miss ({@code NORMAL}). */
  CACHE_OR_BRIDGE,
  /** From the cache only, within the key's hard TTL ({@code DEGRADED_READ_ONLY}). */
  CACHE_ONLY
}
