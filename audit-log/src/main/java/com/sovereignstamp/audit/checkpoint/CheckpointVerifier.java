package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.fips.BcFips;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Checks a signed checkpoint against a trusted public key. */
public final class CheckpointVerifier {
  static final String ALGORITHM = "SHA256withECDSA";

  private CheckpointVerifier() {}

  public static void verify(SignedCheckpoint signed, PublicKey trusted) throws CheckpointException {
    if (!KeyIds.of(trusted).equals(signed.keyId())) {
      throw new CheckpointException("signed by key " + signed.keyId() + ", not by the trusted key");
    }
    boolean valid;
    try {
      Signature s = Signature.getInstance(ALGORITHM, BcFips.provider());
      s.initVerify(trusted);
      s.update(signed.checkpoint().signedBytes());
      valid = s.verify(signed.signature());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new CheckpointException("the checkpoint signature does not verify");
    }
  }
}
