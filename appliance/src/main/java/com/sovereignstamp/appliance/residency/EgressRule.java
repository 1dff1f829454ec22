package com.sovereignstamp.appliance.residency;

import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One entry of the egress allowlist.
 *
 * @param host the host name, address or address block
 * @param port the one port allowed, or any port when empty
 * @param region the region the destination is in
 * @param description what it is, for the people reading the policy (may be empty)
 */
public record EgressRule(EgressHost host, OptionalInt port, String region, String description) {
  public EgressRule {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(region, "region");
    description = description == null ? "" : description;
  }

  boolean coversPort(int p) {
    return port.isEmpty() || port.getAsInt() == p;
  }

  /** Whether this entry names {@code destination}'s host name and port. */
  boolean names(Destination destination) {
    return host instanceof HostName n
        && n.name().equals(destination.host())
        && coversPort(destination.port());
  }

  /** Whether this entry's block holds {@code address}, for {@code destination}'s port. */
  boolean holds(InetAddress address, Destination destination) {
    return host instanceof AddressRange r && r.contains(address) && coversPort(destination.port());
  }
}
