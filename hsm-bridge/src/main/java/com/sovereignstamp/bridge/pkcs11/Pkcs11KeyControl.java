package com.sovereignstamp.bridge.pkcs11;

import com.sovereignstamp.bridge.policy.HsmKeyControl;
import com.sovereignstamp.bridge.policy.KeyRef;
import java.util.Optional;
import java.util.function.Function;

/**
 * Revocation inside the HSM over the bridge's own PKCS#11 sessions: the key's {@code CKA_ENCRYPT}
 * and {@code CKA_DECRYPT} are cleared on revocation and set on reinstatement. The token then
 * refuses the key to any process, this bridge included, until an officer reinstates it.
 */
public final class Pkcs11KeyControl implements HsmKeyControl {
  private final Pkcs11KeyBackend backend;
  private final Function<KeyRef, Optional<String>> labels;

  /**
   * @param labels the HSM label of a key the officers name (from the key-store file)
   */
  public Pkcs11KeyControl(Pkcs11KeyBackend backend, Function<KeyRef, Optional<String>> labels) {
    this.backend = backend;
    this.labels = labels;
  }

  @Override
  public void setUsable(KeyRef key, boolean usable) {
    String label =
        labels
            .apply(key)
            .orElseThrow(
                () -> new IllegalStateException("key " + key + " is not in the key-store file"));
    backend.setUsable(label, usable);
  }
}
