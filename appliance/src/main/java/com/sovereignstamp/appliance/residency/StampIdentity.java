package com.sovereignstamp.appliance.residency;

import com.sovereignstamp.format.CollectionScope;
import java.util.regex.Pattern;

/**
 * Which stamp this is and the residency region it serves: fixed at install, written into every row
 * and bound into every encryption context.
 */
public record StampIdentity(String stampId, String region) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public StampIdentity {
    if (stampId == null || !ID.matcher(stampId).matches()) {
      throw new IllegalArgumentException(
          "the stamp id must be 1-63 of a-z, 0-9 and '-', starting with a letter or digit");
    }
    if (!isRegion(region)) {
      throw new IllegalArgumentException("the region must be " + REGION_RULE);
    }
  }

  /** What a region name is made of. */
  public static final String REGION_RULE =
      "1-32 of a-z, 0-9 and '-', starting with a letter or digit";

  /** Whether {@code region} is a region name ({@link #REGION_RULE}). */
  public static boolean isRegion(String region) {
    return region != null && REGION.matcher(region).matches();
  }

  /**
   * The region is fixed at install: this stamp runs only on a database installed for its region.
   *
   * @param installedRegion the region the stamp's database recorded at install
   * @throws RegionChangedException if this stamp is configured for another region
   */
  public void requireInstalledRegion(String installedRegion) {
    if (!region.equals(installedRegion)) {
      throw new RegionChangedException(installedRegion, region);
    }
  }

  /** The scope every key and object of a collection is bound to. */
  public CollectionScope scope(String collection) {
    return new CollectionScope(stampId, region, collection);
  }
}
