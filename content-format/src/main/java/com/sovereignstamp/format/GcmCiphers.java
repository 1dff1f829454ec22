package com.sovereignstamp.format;

import com.sovereignstamp.fips.BcFips;
import java.security.GeneralSecurityException;
import java.util.concurrent.ArrayBlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bouncy Castle FIPS AES-GCM ciphers kept for the next object: {@code Cipher.getInstance} costs
 * more than sealing a 4 KiB segment. A cipher is lent to one {@link SegmentCipher} at a time and,
 * when given back, initialised once more with an all-zero placeholder key so that it keeps nothing
 * of the per-object key it served (its key schedule overwritten); at most {@value #KEPT} are kept.
 */
final class GcmCiphers {
  static final int KEPT = 64;

  /** Not a secret: only there to overwrite the last real key's schedule. */
  private static final SecretKeySpec PLACEHOLDER =
      new SecretKeySpec(new byte[FormatV1.KEY_SIZE], "AES");

  private static final GCMParameterSpec PLACEHOLDER_NONCE =
      new GCMParameterSpec(FormatV1.TAG_SIZE * 8, new byte[FormatV1.NONCE_SIZE]);

  private static final ArrayBlockingQueue<Cipher> IDLE = new ArrayBlockingQueue<>(KEPT);

  private GcmCiphers() {}

  /** A cipher no one else holds: a kept one, or a new one. */
  static Cipher take() {
    Cipher c = IDLE.poll();
    if (c != null) {
      return c;
    }
    try {
      return Cipher.getInstance(FormatV1.AES_GCM, BcFips.provider());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable from Bouncy Castle FIPS", e);
    }
  }

  /**
   * Takes a cipher back once its holder is done with it. The placeholder goes in for decryption:
   * whatever a mistaken caller fed a kept cipher would fail its tag check instead of coming out
   * encrypted under a known key.
   */
  static void giveBack(Cipher c) {
    try {
      c.init(Cipher.DECRYPT_MODE, PLACEHOLDER, PLACEHOLDER_NONCE);
    } catch (GeneralSecurityException | RuntimeException e) {
      return; // not reusable: left to the garbage collector
    }
    IDLE.offer(c);
  }

  /** Ciphers waiting to be lent (tests). */
  static int idle() {
    return IDLE.size();
  }
}
