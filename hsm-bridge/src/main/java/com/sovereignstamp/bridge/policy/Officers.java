package com.sovereignstamp.bridge.policy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The officers named in configuration, and the rules for their approvals.
 *
 * @param approvalsRequired how many different officers must approve a loosening change (M of N)
 * @param approvalMaxLifetime the longest an approval may be valid, from now to its expiry
 */
public record Officers(
    List<Officer> officers, int approvalsRequired, Duration approvalMaxLifetime) {
  public Officers {
    officers = List.copyOf(officers);
    Set<String> names = new HashSet<>();
    Set<String> subjects = new HashSet<>();
    for (Officer o : officers) {
      if (!names.add(o.name()) || !subjects.add(o.subject())) {
        throw new IllegalStateException("officer named twice: " + o.name() + " / " + o.subject());
      }
    }
    if (approvalsRequired < 1) {
      throw new IllegalStateException("bridge.officers.approvals-required must be at least 1");
    }
    if (!officers.isEmpty() && approvalsRequired > officers.size()) {
      throw new IllegalStateException(
          "bridge.officers.approvals-required is "
              + approvalsRequired
              + " but only "
              + officers.size()
              + " officers are named: nothing could ever be reinstated");
    }
    if (approvalMaxLifetime.isNegative() || approvalMaxLifetime.isZero()) {
      throw new IllegalStateException("bridge.officers.approval-max-lifetime must be positive");
    }
  }

  public static Officers none() {
    return new Officers(List.of(), 2, Duration.ofHours(1));
  }

  /** The officer whose certificate the client presented, if any. */
  public Optional<Officer> presentedBy(X509Certificate client) {
    return officers.stream().filter(o -> o.presented(client)).findFirst();
  }

  public Optional<Officer> named(String name) {
    return officers.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
