package com.sovereignstamp.bridge.policy;

import java.util.Objects;

/** One key as the officers name it: the key store's URI prefix and the XKS external key id. */
public record KeyRef(String keyStore, String keyId) implements Comparable<KeyRef> {
  public KeyRef {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(keyId, "keyId");
  }

  @Override
  public int compareTo(KeyRef o) {
    int c = keyStore.compareTo(o.keyStore);
    return c != 0 ? c : keyId.compareTo(o.keyId);
  }

  @Override
  public String toString() {
    return keyStore + ":" + keyId;
  }
}
