package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.fips.BcFips;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Checks a co-signature against the witness's public key (pinned by the client, e.g. from {@code
 * GET /bridge/witness/public-key} at enrolment). A client also compares {@link
 * Cosignature#checkpoint()} with the checkpoint it submitted.
 */
public final class CosignatureVerifier {
  private CosignatureVerifier() {}

  public static void verify(Cosignature cosignature, PublicKey witnessKey)
      throws CheckpointException {
    if (!KeyIds.of(witnessKey).equals(cosignature.keyId())) {
      throw new CheckpointException(
          "co-signed by key " + cosignature.keyId() + ", not by the trusted witness key");
    }
    boolean valid;
    try {
      Signature s = Signature.getInstance(CheckpointVerifier.ALGORITHM, BcFips.provider());
      s.initVerify(witnessKey);
      s.update(cosignature.signedBytes());
      valid = s.verify(cosignature.signature());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new CheckpointException("the co-signature does not verify");
    }
  }
}
