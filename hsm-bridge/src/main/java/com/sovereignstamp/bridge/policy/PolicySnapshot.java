package com.sovereignstamp.bridge.policy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole policy at one version: every key the officers' store knows, with its status and grants.
 * A key the store does not know has no grant: nobody may use it.
 *
 * @param version increases with every change; watchers compare it
 */
public record PolicySnapshot(long version, Map<KeyRef, KeyPolicy> keys) {
  public PolicySnapshot {
    keys = java.util.Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  public static PolicySnapshot empty() {
    return new PolicySnapshot(0, Map.of());
  }

  public Optional<KeyPolicy> key(KeyRef key) {
    return Optional.ofNullable(keys.get(key));
  }

  public boolean revoked(KeyRef key) {
    return key(key).map(KeyPolicy::revoked).orElse(false);
  }

  /** Whether the credential, presented over a certificate with that subject, may use the key so. */
  public boolean permits(KeyRef key, String credential, String clientSubject, KeyUse use) {
    return key(key)
        .flatMap(p -> p.grantFor(credential, clientSubject))
        .map(g -> g.uses().contains(use))
        .orElse(false);
  }
}
