package com.sovereignstamp.xks.client;

import java.util.List;

/**
 * The answer of {@code …/keys/{id}/metadata}.
 *
 * @param keySpec {@code AES_256} in API v1
 * @param keyUsage e.g. {@code [ENCRYPT, DECRYPT]}
 * @param keyStatus {@code ENABLED} or {@code DISABLED}
 */
public record KeyMetadata(String keySpec, List<String> keyUsage, String keyStatus) {
  public KeyMetadata {
    keyUsage = List.copyOf(keyUsage);
  }

  /**
   * True when {@code keyStatus} is {@code ENABLED}. The bridge reports a disabled or revoked key as
   * {@code DISABLED}.
   */
  public boolean enabled() {
    return "ENABLED".equals(keyStatus);
  }

  /** True when the key is enabled and may both encrypt and decrypt. */
  public boolean usableForEncryptAndDecrypt() {
    return enabled() && keyUsage.contains("ENCRYPT") && keyUsage.contains("DECRYPT");
  }
}
