package com.sovereignstamp.bridge.officer;

import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.ApprovalAction;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.fips.BcFips;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs an officer's approval: ECDSA P-256 with SHA-256 (Bouncy Castle FIPS) over {@link
 * Approval#signedBytes()}, the signature DER-encoded, as the bridge's {@code DualControl} checks
 * it.
 */
public final class ApprovalSigner {
  public static final String ALGORITHM = Approval.ALGORITHM;
  private static final int NONCE_BYTES = 32;

  private ApprovalSigner() {}

  /** A fresh single-use nonce: 32 random bytes (approved DRBG), base64url without padding. */
  public static String newNonce() {
    byte[] n = new byte[NONCE_BYTES];
    BcFips.provider();
    BcFips.drbg().nextBytes(n);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(n);
  }

  /**
   * The approval with these members, signed with the officer's private key.
   *
   * @throws IllegalArgumentException if the members do not make an approval (see {@link Approval})
   * @throws GeneralSecurityException if the key cannot sign (not an EC key, or not usable here)
   */
  public static Approval sign(
      String bridge,
      ApprovalAction action,
      KeyRef key,
      Optional<Grant> grant,
      String nonce,
      Instant expiresAt,
      String officer,
      PrivateKey privateKey)
      throws GeneralSecurityException {
    Approval unsigned =
        new Approval(bridge, action, key, grant, nonce, expiresAt, officer, new byte[0]);
    byte[] signature = signature(unsigned.signedBytes(), privateKey);
    return new Approval(bridge, action, key, grant, nonce, expiresAt, officer, signature);
  }

  private static byte[] signature(byte[] message, PrivateKey privateKey)
      throws GeneralSecurityException {
    SecureRandom random = BcFips.drbg();
    Signature s = Signature.getInstance(ALGORITHM, BcFips.provider());
    s.initSign(privateKey, random);
    s.update(message);
    return s.sign();
  }
}
