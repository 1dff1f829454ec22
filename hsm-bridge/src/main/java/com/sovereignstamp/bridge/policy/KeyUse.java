package com.sovereignstamp.bridge.policy;

import java.util.Locale;
import java.util.Optional;

/** What a grant lets a caller do with a key. */
public enum KeyUse {
  METADATA,
  ENCRYPT,
  DECRYPT;

  /** The name in the API and the store: {@code metadata}, {@code encrypt}, {@code decrypt}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<KeyUse> fromWireName(String name) {
    for (KeyUse u : values()) {
      if (u.wireName().equals(name)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }
}
