package com.sovereignstamp.bridge.policy;

import com.sovereignstamp.bridge.auth.CredentialDefinition;
import com.sovereignstamp.bridge.auth.KeyStoreDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/** The keys and grants the key-store file implies: what a first policy may be seeded with. */
public final class PolicySeed {
  private PolicySeed() {}

  public static List<KeyRef> keys(Collection<KeyStoreDefinition> stores) {
    List<KeyRef> keys = new ArrayList<>();
    for (KeyStoreDefinition store : stores) {
      for (String id : store.keys().keySet()) {
        keys.add(new KeyRef(store.uriPrefix(), id));
      }
    }
    return keys;
  }

  /**
   * Every credential of a store, over each client subject it is tied to (or none, {@code ""}, if it
   * is tied to none), every use of each of the store's keys.
   */
  public static List<Grant> grants(Collection<KeyStoreDefinition> stores) {
    List<Grant> grants = new ArrayList<>();
    for (KeyStoreDefinition store : stores) {
      for (CredentialDefinition credential : store.credentials()) {
        List<String> subjects =
            credential.clientSubjects().isEmpty()
                ? List.of("")
                : credential.clientSubjects().stream().map(X500Principal::getName).toList();
        for (String id : store.keys().keySet()) {
          for (String subject : subjects) {
            grants.add(
                new Grant(
                    new KeyRef(store.uriPrefix(), id),
                    credential.accessKeyId(),
                    subject,
                    EnumSet.allOf(KeyUse.class)));
          }
        }
      }
    }
    return grants;
  }
}
