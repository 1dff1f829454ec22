package com.sovereignstamp.appliance.mode;

import com.sovereignstamp.appliance.keys.DekCache;

/**
 * Purges the node's key cache the moment the stamp is revoked: every cached key zeroed at once, or
 * as soon as the request holding it lets go (and a running download stops at its next read).
 */
public final class KeyPurgeOnRevocation implements ModeListener {
  private final DekCache cache;

  public KeyPurgeOnRevocation(DekCache cache) {
    this.cache = cache;
  }

  @Override
  public void changed(ModeChange change) {
    if (change.to().mode() == Mode.REVOKED) {
      cache.purgeAll();
    }
  }
}
