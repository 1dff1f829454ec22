package com.sovereignstamp.appliance.storage;

import java.util.Locale;

/** How sensitive a collection is; the residency policy says which ones degraded mode may serve. */
public enum Classification {
  STANDARD,
  CRITICAL;

  /** The name in the API and the database: {@code standard}, {@code critical}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws InvalidInputException for anything but the wire names
   */
  public static Classification parse(String field, String value) {
    for (Classification c : values()) {
      if (c.wireName().equals(value)) {
        return c;
      }
    }
    throw new InvalidInputException(field, "must be \"standard\" or \"critical\"");
  }
}
