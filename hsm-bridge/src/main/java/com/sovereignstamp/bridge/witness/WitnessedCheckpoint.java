package com.sovereignstamp.bridge.witness;

import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.RootHash;
import java.util.Objects;

/**
 * A checkpoint the bridge witnessed for a client, with its co-signature.
 *
 * @param client the client's name
 * @param sequence its place in the client's witnessed history, from 0; tree sizes never decrease
 *     along it
 * @param signed the checkpoint with the client's signature, as submitted
 * @param cosignature the bridge's co-signature
 */
public record WitnessedCheckpoint(
    String client, long sequence, SignedCheckpoint signed, Cosignature cosignature) {
  public WitnessedCheckpoint {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(signed, "signed");
    Objects.requireNonNull(cosignature, "cosignature");
    if (sequence < 0) {
      throw new IllegalArgumentException("a witnessed history starts at sequence 0");
    }
  }

  public long treeSize() {
    return signed.checkpoint().treeSize();
  }

  public RootHash rootHash() {
    return signed.checkpoint().rootHash();
  }
}
