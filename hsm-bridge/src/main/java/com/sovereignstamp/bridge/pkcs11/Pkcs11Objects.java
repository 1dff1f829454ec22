package com.sovereignstamp.bridge.pkcs11;

import java.util.Optional;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/** Finding token objects by class and label. */
final class Pkcs11Objects {
  private Pkcs11Objects() {}

  /**
   * The handle of the one object of this class ({@code CKO_SECRET_KEY}, {@code CKO_PRIVATE_KEY}, …)
   * with this label; empty if none. Two with the same label are an error, not a choice.
   */
  static Optional<Long> find(PKCS11 p11, long session, long objectClass, String label)
      throws PKCS11Exception {
    CK_ATTRIBUTE[] template = {
      new CK_ATTRIBUTE(Ck.CKA_CLASS, objectClass),
      new CK_ATTRIBUTE(Ck.CKA_LABEL, label.toCharArray())
    };
    p11.C_FindObjectsInit(session, template);
    long[] found;
    try {
      found = p11.C_FindObjects(session, 2);
    } finally {
      p11.C_FindObjectsFinal(session);
    }
    if (found.length > 1) {
      throw new PKCS11Exception(Ck.CKR_GENERAL_ERROR, " more than one key is labelled " + label);
    }
    return found.length == 0 ? Optional.empty() : Optional.of(found[0]);
  }
}
