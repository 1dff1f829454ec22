package com.sovereignstamp.bridge.auth;

import com.sovereignstamp.bridge.keys.KeyDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One XKS key store: a URI prefix, the keys it serves, who may call it and how often.
 *
 * @param uriPrefix the path before {@code /kms/xks/v1} ("" for none)
 * @param requestsPerSecond the request quota; over it, {@code ThrottlingException}
 */
public record KeyStoreDefinition(
    String uriPrefix,
    int requestsPerSecond,
    Map<String, KeyDefinition> keys,
    List<CredentialDefinition> credentials) {

  public KeyStoreDefinition {
    keys = Map.copyOf(keys);
    credentials = List.copyOf(credentials);
  }

  public Optional<KeyDefinition> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  public Optional<CredentialDefinition> credential(String accessKeyId) {
    return credentials.stream().filter(c -> c.accessKeyId().equals(accessKeyId)).findFirst();
  }
}
