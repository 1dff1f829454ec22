package com.sovereignstamp.appliance.residency;

import com.sovereignstamp.appliance.storage.Classification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stamp's residency policy (docs/appliance.md "Residency policy"): its region, what degraded
 * mode may serve, where the stamp may connect to, and whether disaster recovery may cross regions.
 *
 * <p>A connection is allowed when its destination passes the allowlist <b>as given and as
 * resolved</b>: an IP address must lie in an allowlisted block; a host name must be allowlisted by
 * name <b>and</b> every address it resolves to must lie in an allowlisted block — one address
 * outside is enough to refuse, since the connection may go to any of them. Every entry used must be
 * tagged with the stamp's region, or with another one when the purpose is disaster recovery and the
 * policy allows cross-region disaster recovery.
 *
 * @param region the stamp's residency region, bound into every encryption context and row
 * @param servedWhileDegraded the classifications degraded mode may serve from cached keys
 * @param egress the destinations the stamp may reach
 * @param crossRegionDisasterRecovery whether disaster recovery may reach another region
 */
public record ResidencyPolicy(
    String region,
    Set<Classification> servedWhileDegraded,
    EgressAllowlist egress,
    boolean crossRegionDisasterRecovery) {
  /** What degraded mode serves unless the policy says otherwise. */
  public static final Set<Classification> DEFAULT_SERVED_WHILE_DEGRADED =
      Set.of(Classification.STANDARD);

  public ResidencyPolicy {
    if (!StampIdentity.isRegion(region)) {
      throw new IllegalArgumentException("the region must be " + StampIdentity.REGION_RULE);
    }
    servedWhileDegraded = Set.copyOf(servedWhileDegraded);
    Objects.requireNonNull(egress, "egress");
  }

  /**
   * Whether a connection to {@code destination} for {@code purpose} may be opened.
   *
   * @param resolver asked only for a host name the allowlist names
   */
  public EgressDecision decide(
      Destination destination, EgressPurpose purpose, AddressResolver resolver) {
    Optional<InetAddress> literal = destination.address();
    if (literal.isPresent()) {
      return decideAddress(
          destination,
          literal.get(),
          destination + " is not in the egress allowlist",
          destination.toString(),
          purpose);
    }
    List<EgressRule> named = egress.naming(destination);
    if (named.isEmpty()) {
      return EgressDecision.refused(destination + " is not in the egress allowlist");
    }
    Optional<String> wrongRegion = regionRefusal(named, destination.toString(), purpose);
    if (wrongRegion.isPresent()) {
      return EgressDecision.refused(wrongRegion.get());
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.addressesOf(destination.host());
    } catch (UnknownHostException e) {
      addresses = List.of();
    }
    if (addresses.isEmpty()) {
      return EgressDecision.refused(
          destination.host() + " does not resolve, so where it leads cannot be checked");
    }
    for (InetAddress a : addresses) {
      String resolved = destination.host() + " resolves to " + IpLiterals.text(a);
      EgressDecision d =
          decideAddress(
              destination,
              a,
              resolved + ", which is not in the egress allowlist for port " + destination.port(),
              resolved + ", which",
              purpose);
      if (!d.allowed()) {
        return d;
      }
    }
    return EgressDecision.ALLOWED;
  }

  /**
   * @param outside the refusal when no entry holds the address
   * @param what the subject of a refusal for the region
   */
  private EgressDecision decideAddress(
      Destination destination,
      InetAddress address,
      String outside,
      String what,
      EgressPurpose purpose) {
    List<EgressRule> holding = egress.holding(address, destination);
    if (holding.isEmpty()) {
      return EgressDecision.refused(outside);
    }
    return regionRefusal(holding, what, purpose)
        .map(EgressDecision::refused)
        .orElse(EgressDecision.ALLOWED);
  }

  /** Empty when one of {@code rules} may be used for {@code purpose}; why not otherwise. */
  private Optional<String> regionRefusal(
      List<EgressRule> rules, String what, EgressPurpose purpose) {
    if (rules.stream().anyMatch(r -> mayUse(r, purpose))) {
      return Optional.empty();
    }
    String regions =
        rules.stream()
            .map(EgressRule::region)
            .distinct()
            .sorted()
            .collect(Collectors.joining(", "));
    return Optional.of(
        what
            + " is allowlisted for region "
            + regions
            + ", not this stamp's region "
            + region
            + (purpose != EgressPurpose.DISASTER_RECOVERY
                ? " (only disaster recovery may cross regions)"
                : " (the policy does not allow cross-region disaster recovery)"));
  }

  private boolean mayUse(EgressRule rule, EgressPurpose purpose) {
    return rule.region().equals(region)
        || (crossRegionDisasterRecovery && purpose == EgressPurpose.DISASTER_RECOVERY);
  }
}
