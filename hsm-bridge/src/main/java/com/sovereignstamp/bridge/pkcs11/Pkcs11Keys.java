package com.sovereignstamp.bridge.pkcs11;

import com.sovereignstamp.bridge.keys.CiphertextRejectedException;
import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.KeyAttributes;
import com.sovereignstamp.bridge.keys.KeyUsage;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_GCM_PARAMS;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/** The PKCS#11 calls behind each key operation, on one session. */
final class Pkcs11Keys {
  static final int GCM_IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Pkcs11Keys() {}

  /** The handle of the one secret key with this label; empty if none. */
  static Optional<Long> find(PKCS11 p11, long session, String label) throws PKCS11Exception {
    return Pkcs11Objects.find(p11, session, Ck.CKO_SECRET_KEY, label);
  }

  static KeyAttributes attributes(PKCS11 p11, long session, long key) throws PKCS11Exception {
    CK_ATTRIBUTE[] essential = {
      new CK_ATTRIBUTE(Ck.CKA_KEY_TYPE),
      new CK_ATTRIBUTE(Ck.CKA_VALUE_LEN),
      new CK_ATTRIBUTE(Ck.CKA_ENCRYPT),
      new CK_ATTRIBUTE(Ck.CKA_DECRYPT)
    };
    p11.C_GetAttributeValue(session, key, essential);
    boolean aes256 = essential[0].getLong() == Ck.CKK_AES && essential[1].getLong() == 32;
    Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
    flag(usages, essential[2], KeyUsage.ENCRYPT);
    flag(usages, essential[3], KeyUsage.DECRYPT);
    CK_ATTRIBUTE[] others = {
      new CK_ATTRIBUTE(Ck.CKA_WRAP),
      new CK_ATTRIBUTE(Ck.CKA_UNWRAP),
      new CK_ATTRIBUTE(Ck.CKA_SIGN),
      new CK_ATTRIBUTE(Ck.CKA_VERIFY),
      new CK_ATTRIBUTE(Ck.CKA_DERIVE)
    };
    try {
      p11.C_GetAttributeValue(session, key, others);
      flag(usages, others[0], KeyUsage.WRAP);
      flag(usages, others[1], KeyUsage.UNWRAP);
      flag(usages, others[2], KeyUsage.SIGN);
      flag(usages, others[3], KeyUsage.VERIFY);
      flag(usages, others[4], KeyUsage.DERIVE);
    } catch (PKCS11Exception e) {
      if (Pkcs11Failures.isKeyGone(e) || Pkcs11Failures.isLinkFailure(e)) {
        throw e;
      }
      // a module that does not know these attributes: report encrypt/decrypt only
    }
    return new KeyAttributes(aes256, usages);
  }

  private static void flag(Set<KeyUsage> usages, CK_ATTRIBUTE attribute, KeyUsage usage) {
    if (attribute.pValue != null && attribute.getBoolean()) {
      usages.add(usage);
    }
  }

  /** Encrypts with a fresh IV drawn from the HSM's own random generator. */
  static GcmCiphertext encrypt(PKCS11 p11, long session, long key, byte[] plaintext, byte[] aad)
      throws PKCS11Exception {
    byte[] iv = new byte[GCM_IV_BYTES];
    p11.C_GenerateRandom(session, iv);
    CK_MECHANISM mechanism = new CK_MECHANISM(Ck.CKM_AES_GCM, new CK_GCM_PARAMS(TAG_BITS, iv, aad));
    try {
      p11.C_EncryptInit(session, mechanism, key);
      byte[] out = new byte[plaintext.length + GcmCiphertext.TAG_BYTES];
      int n = p11.C_Encrypt(session, 0, plaintext, 0, plaintext.length, 0, out, 0, out.length);
      return GcmCiphertext.split(iv, out, n);
    } finally {
      mechanism.freeHandle();
    }
  }

  static byte[] decrypt(
      PKCS11 p11, long session, String label, long key, GcmCiphertext c, byte[] aad)
      throws PKCS11Exception {
    CK_MECHANISM mechanism =
        new CK_MECHANISM(Ck.CKM_AES_GCM, new CK_GCM_PARAMS(TAG_BITS, c.iv(), aad));
    byte[] in = c.ciphertextWithTag();
    try {
      p11.C_DecryptInit(session, mechanism, key);
      byte[] out = new byte[in.length];
      int n;
      try {
        n = p11.C_Decrypt(session, 0, in, 0, in.length, 0, out, 0, out.length);
      } catch (PKCS11Exception e) {
        if (Pkcs11Failures.isTagFailure(e)) {
          throw new CiphertextRejectedException(label);
        }
        throw e;
      }
      if (n == out.length) {
        return out;
      }
      byte[] plaintext = java.util.Arrays.copyOf(out, n);
      java.util.Arrays.fill(out, (byte) 0);
      return plaintext;
    } finally {
      mechanism.freeHandle();
    }
  }
}
