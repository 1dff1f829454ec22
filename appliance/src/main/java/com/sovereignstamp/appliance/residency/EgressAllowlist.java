package com.sovereignstamp.appliance.residency;

import java.net.InetAddress;
import java.util.List;

/** The destinations the stamp may reach, each tagged with its region. */
public record EgressAllowlist(List<EgressRule> rules) {
  public EgressAllowlist {
    rules = List.copyOf(rules);
  }

  /** The entries that name {@code destination}'s host name (and allow its port). */
  List<EgressRule> naming(Destination destination) {
    return rules.stream().filter(r -> r.names(destination)).toList();
  }

  /** The entries whose block holds {@code address} (and allow {@code destination}'s port). */
  List<EgressRule> holding(InetAddress address, Destination destination) {
    return rules.stream().filter(r -> r.holds(address, destination)).toList();
  }
}
