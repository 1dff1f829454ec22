package com.sovereignstamp.bridge.policy;

import com.sovereignstamp.bridge.policy.PolicyException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * M-of-N for loosening changes: the approvals offered for a change must each be signed by a named
 * officer over exactly that change on this bridge, unexpired and not valid for longer than allowed,
 * and come from at least {@link Officers#approvalsRequired()} different officers. One bad approval
 * refuses the whole change. Whether a nonce was used before is the store's to decide, in the same
 * transaction as the change.
 */
public final class DualControl {
  private final Officers officers;
  private final String bridge;

  /**
   * @param bridge this bridge's name in approvals (its audit origin): an approval for another
   *     bridge does not count here
   */
  public DualControl(Officers officers, String bridge) {
    this.officers = officers;
    this.bridge = bridge;
  }

  public String bridge() {
    return bridge;
  }

  /**
   * The approvals that count, one per officer.
   *
   * @throws PolicyException if one is not valid for this change, or too few officers approved
   */
  public List<Approval> check(
      ApprovalAction action,
      KeyRef key,
      Optional<Grant> grant,
      List<Approval> approvals,
      Instant now) {
    Set<String> officersSeen = new HashSet<>();
    Set<String> nonces = new HashSet<>();
    List<Approval> counted = new ArrayList<>();
    for (int i = 0; i < approvals.size(); i++) {
      Approval a = approvals.get(i);
      String which = "approval " + (i + 1) + " (" + a.officer() + ")";
      requireFor(a, action, key, grant, which);
      Officer officer =
          officers
              .named(a.officer())
              .orElseThrow(
                  () -> new PolicyException(Reason.APPROVAL_INVALID, which + ": not an officer"));
      if (!a.verifiesWith(officer.publicKey())) {
        throw new PolicyException(
            Reason.APPROVAL_INVALID, which + ": the signature is not the officer's");
      }
      if (!a.expiresAt().isAfter(now)) {
        throw new PolicyException(Reason.APPROVAL_EXPIRED, which + ": expired " + a.expiresAt());
      }
      if (a.expiresAt().isAfter(now.plus(officers.approvalMaxLifetime()))) {
        throw new PolicyException(
            Reason.APPROVAL_INVALID,
            which + ": valid for longer than " + officers.approvalMaxLifetime());
      }
      if (!nonces.add(a.nonce())) {
        throw new PolicyException(Reason.APPROVAL_REUSED, which + ": the same nonce twice");
      }
      if (officersSeen.add(officer.name())) {
        counted.add(a);
      }
    }
    if (counted.size() < officers.approvalsRequired()) {
      throw new PolicyException(
          Reason.APPROVALS_INSUFFICIENT,
          counted.size()
              + " of the "
              + officers.approvalsRequired()
              + " different officers required approved this change");
    }
    return counted;
  }

  private void requireFor(
      Approval a, ApprovalAction action, KeyRef key, Optional<Grant> grant, String which) {
    String wrong = null;
    if (!a.bridge().equals(bridge)) {
      wrong = "it is for another bridge (" + a.bridge() + ")";
    } else if (a.action() != action) {
      wrong = "it approves " + a.action().wireName() + ", not " + action.wireName();
    } else if (!a.key().equals(key)) {
      wrong = "it is for key " + a.key();
    } else if (!a.grant().equals(grant)) {
      wrong = "it approves another grant";
    }
    if (wrong != null) {
      throw new PolicyException(Reason.APPROVAL_INVALID, which + ": " + wrong);
    }
  }
}
