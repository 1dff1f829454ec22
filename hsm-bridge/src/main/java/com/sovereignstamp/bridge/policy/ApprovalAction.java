package com.sovereignstamp.bridge.policy;

import java.util.Optional;

/** The loosening changes that need approvals from several officers. */
public enum ApprovalAction {
  REINSTATE("reinstate"),
  GRANT("grant");

  private final String wireName;

  ApprovalAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ApprovalAction> fromWireName(String name) {
    for (ApprovalAction a : values()) {
      if (a.wireName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
