package com.sovereignstamp.bridge.policy;

import java.time.Instant;

/** One change to the policy, made by one officer at one time. */
public sealed interface PolicyChange {
  String officer();

  Instant at();

  KeyRef key();

  /** The key is revoked (tightening: one officer). */
  record Revoke(KeyRef key, String officer, Instant at) implements PolicyChange {}

  /** The key is enabled again (loosening: M of N approvals). */
  record Reinstate(KeyRef key, String officer, Instant at) implements PolicyChange {}

  /** The grant is added, or its uses replaced (loosening: M of N approvals). */
  record AddGrant(Grant grant, String officer, Instant at) implements PolicyChange {
    @Override
    public KeyRef key() {
      return grant.key();
    }
  }

  /** The grant of that credential and subject on the key is withdrawn (tightening). */
  record Withdraw(KeyRef key, String credential, String clientSubject, String officer, Instant at)
      implements PolicyChange {}
}
