package com.sovereignstamp.appliance.residency;

/**
 * The stamp is configured for another region than the one its database recorded at install. The
 * region is fixed at install: the stamp does not start.
 */
public final class RegionChangedException extends RuntimeException {
  private final String installedRegion;
  private final String configuredRegion;

  public RegionChangedException(String installedRegion, String configuredRegion) {
    super(
        "the stamp's region is fixed at install: its database was installed for region \""
            + installedRegion
            + "\", but the configuration names region \""
            + configuredRegion
            + "\"; a stamp cannot move to another region");
    this.installedRegion = installedRegion;
    this.configuredRegion = configuredRegion;
  }

  /** The region recorded in the stamp's database at install. */
  public String installedRegion() {
    return installedRegion;
  }

  /** The region the configuration names. */
  public String configuredRegion() {
    return configuredRegion;
  }
}
