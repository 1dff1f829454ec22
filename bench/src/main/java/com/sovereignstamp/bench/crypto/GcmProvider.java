package com.sovereignstamp.bench.crypto;

import java.security.Provider;
import java.security.Security;

/** The JCA providers whose AES-256-GCM is compared. */
public enum GcmProvider {
  /** The JDK's own provider: the baseline. */
  JDK("JDK (SunJCE)") {
    @Override
    Provider load() {
      Provider p = Security.getProvider("SunJCE");
      if (p == null) {
        throw new IllegalStateException("the JDK's SunJCE provider is not installed");
      }
      return p;
    }
  },
  /** The provider the stamp runs on, in approved-only mode. */
  BC_FIPS("Bouncy Castle FIPS") {
    @Override
    Provider load() {
      return BcFipsCheck.approvedOnlyProvider();
    }
  };

  private final String displayName;

  GcmProvider(String displayName) {
    this.displayName = displayName;
  }

  abstract Provider load();

  String displayName() {
    return displayName;
  }
}
