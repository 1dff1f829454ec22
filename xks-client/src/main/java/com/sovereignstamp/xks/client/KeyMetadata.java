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

  /** True when the key is enabled and may both encrypt and decrypt. */
  public boolean usableForEncryptAndDecrypt() {
    return "ENABLED".equals(keyStatus)
        && keyUsage.contains("ENCRYPT")
        && keyUsage.contains("DECRYPT");
  }
}
