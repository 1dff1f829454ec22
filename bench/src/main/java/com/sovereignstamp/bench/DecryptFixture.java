package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.EncryptResult;

/**
 * A ciphertext the bridge made by XKS encrypt, with what went into it.
 *
 * @param payload the payload's name in the report
 * @param plaintext what a decrypt must give back
 * @param aad the caller's additional authenticated data
 * @param encrypted the encrypt answer (ciphertext, IV, tag, ciphertext metadata)
 */
record DecryptFixture(String payload, byte[] plaintext, byte[] aad, EncryptResult encrypted) {

  /** A payload size as the report names it: {@code 32 B}, {@code 4 KiB}. */
  static String sizeName(int bytes) {
    return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
  }
}
