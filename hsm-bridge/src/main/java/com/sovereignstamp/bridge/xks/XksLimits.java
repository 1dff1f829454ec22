package com.sovereignstamp.bridge.xks;

/**
 * Size limits of this bridge. The specification's minimums (4,300 bytes of plaintext, 8,192 of AAD)
 * always hold; beyond the configured limits a request gets {@code UnsupportedOperationException},
 * as the specification asks.
 */
public record XksLimits(int maxPlaintextBytes, int maxAadBytes) {
  static final int SPEC_MIN_PLAINTEXT = 4300;
  static final int SPEC_MIN_AAD = 8192;

  /** The AAD binding stores the caller's AAD length in two bytes. */
  static final int AAD_LENGTH_FIELD_MAX = 0xFFFF;

  public XksLimits {
    if (maxPlaintextBytes < SPEC_MIN_PLAINTEXT) {
      throw new IllegalArgumentException("max plaintext must be at least " + SPEC_MIN_PLAINTEXT);
    }
    if (maxAadBytes < SPEC_MIN_AAD || maxAadBytes > AAD_LENGTH_FIELD_MAX) {
      throw new IllegalArgumentException(
          "max AAD must lie between " + SPEC_MIN_AAD + " and " + AAD_LENGTH_FIELD_MAX);
    }
  }

  /** The largest request body worth reading: every field Base64-encoded, plus metadata. */
  public int maxBodyBytes() {
    return (maxPlaintextBytes + maxAadBytes) * 4 / 3 + 4 * 2048 + 4096;
  }
}
