package com.sovereignstamp.bridge.policy;

import java.util.Collection;
import java.util.List;

/**
 * Where the policy is kept durably and shared by every bridge instance that uses it (the bridge's
 * database).
 */
public interface PolicyStore {
  /** The whole policy as it is now. */
  PolicySnapshot load();

  /** The current version, cheaply: instances compare it to know whether to reload. */
  long version();

  /**
   * Applies one change in one transaction, consuming the approvals' nonces in the same one, and
   * moves the version on.
   *
   * @param nonces the nonces of the approvals the change rests on (empty for tightening)
   * @throws PolicyException {@code APPROVAL_REUSED} if a nonce was used before (nothing changes),
   *     {@code UNKNOWN_KEY} or {@code UNKNOWN_GRANT} if there is nothing to change
   */
  void apply(PolicyChange change, List<Approval> approvals);

  /**
   * Sets up the first policy if the store has none yet: the keys, enabled, with these grants. Does
   * nothing if any key is already known.
   *
   * @return whether it seeded
   */
  boolean seedIfEmpty(Collection<KeyRef> keys, Collection<Grant> grants, String by);

  /**
   * Adds keys the store does not know yet (a key store gained a key), enabled and without grants.
   */
  void addUnknownKeys(Collection<KeyRef> keys, String by);
}
