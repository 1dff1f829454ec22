package com.sovereignstamp.bridge.pkcs11;

import sun.security.pkcs11.wrapper.PKCS11Exception;

/** Sorts PKCS#11 return values into what they mean for the bridge. */
final class Pkcs11Failures {
  private Pkcs11Failures() {}

  /** The link to the HSM (or the module's state) is gone: reconnect. */
  static boolean isLinkFailure(PKCS11Exception e) {
    long rv = e.getErrorCode();
    return rv == Ck.CKR_DEVICE_ERROR
        || rv == Ck.CKR_DEVICE_REMOVED
        || rv == Ck.CKR_DEVICE_MEMORY
        || rv == Ck.CKR_TOKEN_NOT_PRESENT
        || rv == Ck.CKR_TOKEN_NOT_RECOGNIZED
        || rv == Ck.CKR_SESSION_CLOSED
        || rv == Ck.CKR_SESSION_HANDLE_INVALID
        || rv == Ck.CKR_USER_NOT_LOGGED_IN
        || rv == Ck.CKR_CRYPTOKI_NOT_INITIALIZED;
  }

  /** The key handle no longer names an object: the key was deleted behind our back. */
  static boolean isKeyGone(PKCS11Exception e) {
    long rv = e.getErrorCode();
    return rv == Ck.CKR_OBJECT_HANDLE_INVALID || rv == Ck.CKR_KEY_HANDLE_INVALID;
  }

  static boolean isUsageRefused(PKCS11Exception e) {
    return e.getErrorCode() == Ck.CKR_KEY_FUNCTION_NOT_PERMITTED;
  }

  static boolean isCiphertextRejected(PKCS11Exception e) {
    long rv = e.getErrorCode();
    return rv == Ck.CKR_ENCRYPTED_DATA_INVALID
        || rv == Ck.CKR_ENCRYPTED_DATA_LEN_RANGE
        || rv == Ck.CKR_AEAD_DECRYPT_FAILED;
  }

  /**
   * How a module reports a failed GCM tag check once decryption has started: v3.0 modules say
   * {@code CKR_AEAD_DECRYPT_FAILED}, older ones {@code CKR_ENCRYPTED_DATA_INVALID}, and SoftHSM2
   * 2.6 {@code CKR_GENERAL_ERROR}.
   */
  static boolean isTagFailure(PKCS11Exception e) {
    return isCiphertextRejected(e) || e.getErrorCode() == Ck.CKR_GENERAL_ERROR;
  }

  /** The return value's name as PKCS#11 spells it, for logs and metrics. */
  static String name(PKCS11Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "CKR_0x" + Long.toHexString(e.getErrorCode()) : m.trim();
  }
}
