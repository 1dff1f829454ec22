package com.sovereignstamp.appliance.residency;

import java.util.Locale;

/** Why the stamp reaches out; recorded with every refusal. */
public enum EgressPurpose {
  /** The HSM bridge's XKS API and its watch. */
  BRIDGE,
  /** The bridge's witness API for the audit log's checkpoints. */
  AUDIT_WITNESS,
  /** The stamp's database. */
  DATABASE,
  /** The stamp's identity provider (its signing keys). */
  IDENTITY_PROVIDER,
  /** Disaster recovery: the only purpose that may leave the region, if the policy allows it. */
  DISASTER_RECOVERY;

  /** The name in audit events and logs: {@code bridge}, {@code audit-witness}... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
