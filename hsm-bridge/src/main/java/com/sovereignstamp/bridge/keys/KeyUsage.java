package com.sovereignstamp.bridge.keys;

/** Operations an HSM key may permit, named as XKS reports them in {@code keyUsage}. */
public enum KeyUsage {
  ENCRYPT,
  DECRYPT,
  WRAP,
  UNWRAP,
  SIGN,
  VERIFY,
  DERIVE
}
