package com.sovereignstamp.appliance.egress;

import com.sovereignstamp.appliance.residency.AddressResolver;
import com.sovereignstamp.appliance.residency.Destination;
import com.sovereignstamp.appliance.residency.EgressDecision;
import com.sovereignstamp.appliance.residency.EgressPurpose;
import com.sovereignstamp.appliance.residency.ResidencyPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * Checks every destination against the residency policy's egress allowlist before a connection is
 * opened ({@link ResidencyPolicy#decide}: as given and as resolved, region, purpose). A refusal is
 * counted, audited and thrown as an {@link EgressRefusedException}. Name lookups happen only here.
 */
public final class EgressGuard {
  /** The system's resolver ({@code InetAddress}, with the JVM's cache). */
  public static final AddressResolver DNS = name -> List.of(InetAddress.getAllByName(name));

  private final ResidencyPolicy policy;
  private final AddressResolver resolver;
  private final EgressRefusals refusals;

  public EgressGuard(ResidencyPolicy policy, AddressResolver resolver, EgressRefusals refusals) {
    this.policy = policy;
    this.resolver = resolver;
    this.refusals = refusals;
  }

  /**
   * @throws EgressRefusedException if the policy does not allow it
   * @throws IllegalArgumentException if the URI is not http or https, or has no host
   */
  public void check(URI destination, EgressPurpose purpose) throws EgressRefusedException {
    check(Destination.of(destination), purpose);
  }

  /**
   * @throws EgressRefusedException if the policy does not allow it
   */
  public void check(Destination destination, EgressPurpose purpose) throws EgressRefusedException {
    EgressDecision decision = policy.decide(destination, purpose, resolver);
    if (!decision.allowed()) {
      throw refused(destination, purpose, decision.refusal().orElseThrow());
    }
  }

  /** Refusals since start. */
  public EgressRefusals refusals() {
    return refusals;
  }

  private EgressRefusedException refused(Destination d, EgressPurpose purpose, String reason) {
    EgressRefusedException e = new EgressRefusedException(d, purpose, reason);
    refusals.record(e);
    return e;
  }
}
