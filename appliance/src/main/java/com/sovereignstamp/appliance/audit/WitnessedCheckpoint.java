package com.sovereignstamp.appliance.audit;

import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.RootHash;
import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint of the appliance's audit log with the witness's co-signature: the witness (the HSM
 * bridge) saw it and found it consistent with every checkpoint of this log it saw before. As the
 * witness answered it: {@link WitnessSubmitter} verifies it before keeping it.
 *
 * @param signed the checkpoint, with the appliance's signature
 * @param cosignature the witness's co-signature
 */
public record WitnessedCheckpoint(SignedCheckpoint signed, Cosignature cosignature) {
  public WitnessedCheckpoint {
    Objects.requireNonNull(signed, "signed");
    Objects.requireNonNull(cosignature, "cosignature");
  }

  public long size() {
    return signed.checkpoint().treeSize();
  }

  public RootHash rootHash() {
    return signed.checkpoint().rootHash();
  }

  /** The witness's name: the origin of the bridge's own log. */
  public String witness() {
    return cosignature.witness();
  }

  public Instant witnessedAt() {
    return cosignature.witnessedAt();
  }
}
