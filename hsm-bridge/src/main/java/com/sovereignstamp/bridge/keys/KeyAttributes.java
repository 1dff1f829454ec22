package com.sovereignstamp.bridge.keys;

import java.util.Set;

/**
 * What an HSM key is and permits, as read from the HSM.
 *
 * @param aes256 whether the key is a 256-bit AES key (the only kind XKS v1 serves)
 * @param usages the operations the key's attributes allow
 */
public record KeyAttributes(boolean aes256, Set<KeyUsage> usages) {
  public KeyAttributes {
    usages = Set.copyOf(usages);
  }

  public boolean permits(KeyUsage usage) {
    return usages.contains(usage);
  }
}
