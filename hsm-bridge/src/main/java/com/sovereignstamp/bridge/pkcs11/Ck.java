package com.sovereignstamp.bridge.pkcs11;

/** The PKCS#11 constants this backend uses (values from the PKCS#11 v2.40 headers). */
final class Ck {
  private Ck() {}

  // object classes, key types, mechanisms
  static final long CKO_PUBLIC_KEY = 0x02;
  static final long CKO_PRIVATE_KEY = 0x03;
  static final long CKO_SECRET_KEY = 0x04;
  static final long CKK_EC = 0x03;
  static final long CKM_EC_KEY_PAIR_GEN = 0x1040;
  static final long CKM_ECDSA = 0x1041;
  static final long CKK_AES = 0x1F;
  static final long CKM_AES_KEY_GEN = 0x1080;
  static final long CKM_AES_GCM = 0x1087;

  // attributes
  static final long CKA_CLASS = 0x000;
  static final long CKA_TOKEN = 0x001;
  static final long CKA_PRIVATE = 0x002;
  static final long CKA_LABEL = 0x003;
  static final long CKA_KEY_TYPE = 0x100;
  static final long CKA_SENSITIVE = 0x103;
  static final long CKA_ENCRYPT = 0x104;
  static final long CKA_DECRYPT = 0x105;
  static final long CKA_WRAP = 0x106;
  static final long CKA_UNWRAP = 0x107;
  static final long CKA_SIGN = 0x108;
  static final long CKA_VERIFY = 0x10A;
  static final long CKA_DERIVE = 0x10C;
  static final long CKA_VALUE_LEN = 0x161;
  static final long CKA_EC_PARAMS = 0x180;
  static final long CKA_EC_POINT = 0x181;
  static final long CKA_EXTRACTABLE = 0x162;

  // sessions, users, initialisation
  static final long CKF_RW_SESSION = 0x02;
  static final long CKF_SERIAL_SESSION = 0x04;
  static final long CKU_USER = 1;
  static final long CKF_OS_LOCKING_OK = 0x02;

  // return values
  static final long CKR_GENERAL_ERROR = 0x05;
  static final long CKR_FUNCTION_FAILED = 0x06;
  static final long CKR_DEVICE_ERROR = 0x30;
  static final long CKR_DEVICE_MEMORY = 0x31;
  static final long CKR_DEVICE_REMOVED = 0x32;
  static final long CKR_ENCRYPTED_DATA_INVALID = 0x40;
  static final long CKR_ENCRYPTED_DATA_LEN_RANGE = 0x41;
  static final long CKR_KEY_HANDLE_INVALID = 0x60;
  static final long CKR_MECHANISM_INVALID = 0x70;
  static final long CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68;
  static final long CKR_OBJECT_HANDLE_INVALID = 0x82;
  static final long CKR_SESSION_CLOSED = 0xB0;
  static final long CKR_SESSION_HANDLE_INVALID = 0xB3;
  static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
  static final long CKR_TOKEN_NOT_RECOGNIZED = 0xE1;
  static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
  static final long CKR_USER_NOT_LOGGED_IN = 0x101;
  static final long CKR_CRYPTOKI_NOT_INITIALIZED = 0x190;
  static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
  static final long CKR_AEAD_DECRYPT_FAILED = 0x35; // PKCS#11 v3.0
}
