package com.sovereignstamp.appliance.residency;

/** What an egress allowlist entry names: a host name, or an address block (one address or CIDR). */
public sealed interface EgressHost permits HostName, AddressRange {
  /**
   * Reads {@code 10.20.0.0/16}, {@code 2001:db8::/32}, {@code 192.0.2.7}, {@code ::1} or {@code
   * db.eu-de.internal}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong with {@code text}
   */
  static EgressHost parse(String text) {
    if (text.indexOf('/') >= 0 || IpLiterals.parse(text).isPresent()) {
      return AddressRange.parse(text);
    }
    return HostName.parse(text);
  }
}
