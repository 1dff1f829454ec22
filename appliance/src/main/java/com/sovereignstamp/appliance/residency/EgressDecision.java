package com.sovereignstamp.appliance.residency;

import java.util.Optional;

/** Whether the policy lets a connection out, and if not, why (for the refusal's audit event). */
public record EgressDecision(Optional<String> refusal) {
  public static final EgressDecision ALLOWED = new EgressDecision(Optional.empty());

  public static EgressDecision refused(String reason) {
    return new EgressDecision(Optional.of(reason));
  }

  public boolean allowed() {
    return refusal.isEmpty();
  }
}
