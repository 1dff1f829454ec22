package com.sovereignstamp.bridge.auth;

import java.util.Map;
import java.util.Optional;

/** All key stores of the bridge, by URI prefix. */
public record KeyStores(Map<String, KeyStoreDefinition> byPrefix) {
  public KeyStores {
    byPrefix = Map.copyOf(byPrefix);
  }

  public Optional<KeyStoreDefinition> find(String uriPrefix) {
    return Optional.ofNullable(byPrefix.get(uriPrefix));
  }
}
