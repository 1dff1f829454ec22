package com.sovereignstamp.bridge.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One key's policy: whether it is revoked (by whom, when) and who may use it.
 *
 * @param changedBy the officer (or {@code seed}) who last changed the status
 */
public record KeyPolicy(
    KeyRef key, KeyStatus status, Instant changedAt, String changedBy, List<Grant> grants) {
  public KeyPolicy {
    grants = List.copyOf(grants);
  }

  public boolean revoked() {
    return status == KeyStatus.REVOKED;
  }

  public Optional<Grant> grantFor(String credential, String clientSubject) {
    return grants.stream().filter(g -> g.sameHolder(credential, clientSubject)).findFirst();
  }
}
