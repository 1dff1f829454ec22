package com.sovereignstamp.xks.client;

import java.util.List;

/**
 * The answer of {@code …/health}.
 *
 * @param fleetSize {@code xksProxyFleetSize}
 * @param vendor {@code xksProxyVendor}
 * @param model {@code xksProxyModel}
 * @param ekmVendor {@code ekmVendor}
 * @param ekmFleetDetails {@code ekmFleetDetails}, 1 to 10 entries
 */
public record Health(
    int fleetSize,
    String vendor,
    String model,
    String ekmVendor,
    List<EkmFleetMember> ekmFleetDetails) {
  public Health {
    ekmFleetDetails = List.copyOf(ekmFleetDetails);
  }

  /** True when at least one external key manager reports {@code ACTIVE}. */
  public boolean anyActive() {
    return ekmFleetDetails.stream().anyMatch(m -> "ACTIVE".equals(m.healthStatus()));
  }
}
