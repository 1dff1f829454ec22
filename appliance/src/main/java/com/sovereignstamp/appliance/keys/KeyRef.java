package com.sovereignstamp.appliance.keys;

import java.util.Objects;
import java.util.UUID;

/** One version of one key of one collection. */
public record KeyRef(UUID collectionId, KeyKind kind, int version) {
  public KeyRef {
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(kind, "kind");
    if (version < 1) {
      throw new IllegalArgumentException("key versions start at 1");
    }
  }
}
