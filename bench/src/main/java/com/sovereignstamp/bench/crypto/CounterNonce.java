package com.sovereignstamp.bench.crypto;

import java.security.SecureRandom;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Fresh 96-bit GCM nonces for one key: a random 32-bit prefix drawn once, then a 64-bit counter
 * (NIST SP 800-38D's deterministic construction). Never hands out the same nonce twice; the same
 * code, at the same cost, for every provider measured.
 */
final class CounterNonce {
  static final int TAG_BITS = 128;
  private static final int NONCE_SIZE = 12;

  private final byte[] nonce = new byte[NONCE_SIZE];
  private long counter;

  CounterNonce(SecureRandom random) {
    random.nextBytes(nonce);
  }

  /** The next nonce, as the parameters of one GCM encryption. */
  GCMParameterSpec next() {
    if (counter == -1L) {
      throw new IllegalStateException("nonce counter exhausted: use a new key");
    }
    long c = counter++;
    for (int i = NONCE_SIZE - 1; i >= NONCE_SIZE - Long.BYTES; i--) {
      nonce[i] = (byte) c;
      c >>>= 8;
    }
    return new GCMParameterSpec(TAG_BITS, nonce);
  }
}
