package com.sovereignstamp.bench.crypto;

/** What one row of the report measured. */
enum Implementation {
  JDK_GCM("JDK (SunJCE), raw GCM"),
  BC_FIPS_GCM("Bouncy Castle FIPS, raw GCM"),
  FORMAT_V1("format v1, 64 KiB segments (Bouncy Castle FIPS)");

  private final String displayName;

  Implementation(String displayName) {
    this.displayName = displayName;
  }

  String displayName() {
    return displayName;
  }

  /** The provider of a raw GCM case. */
  GcmProvider provider() {
    return switch (this) {
      case JDK_GCM -> GcmProvider.JDK;
      case BC_FIPS_GCM -> GcmProvider.BC_FIPS;
      case FORMAT_V1 -> throw new IllegalStateException("the format always runs on BC FIPS");
    };
  }
}
