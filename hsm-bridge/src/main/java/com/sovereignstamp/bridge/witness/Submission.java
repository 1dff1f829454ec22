package com.sovereignstamp.bridge.witness;

import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.ConsistencyProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a client submits: its latest signed checkpoint and the consistency proof (RFC 9162 §2.1.4)
 * from the last checkpoint the bridge witnessed for it to this one; empty for the first checkpoint
 * and for one of the same size.
 */
public record Submission(SignedCheckpoint checkpoint, List<byte[]> consistencyProof) {
  public Submission {
    Objects.requireNonNull(checkpoint, "checkpoint");
    List<byte[]> copy = new ArrayList<>(consistencyProof.size());
    for (byte[] hash : consistencyProof) {
      if (hash.length != 32) {
        throw new IllegalArgumentException("a consistency proof hash is 32 bytes");
      }
      copy.add(hash.clone());
    }
    consistencyProof = List.copyOf(copy);
  }

  @Override
  public List<byte[]> consistencyProof() {
    return consistencyProof.stream().map(byte[]::clone).toList();
  }

  /** The proof as the verifier takes it: from the witnessed size to this checkpoint's. */
  ConsistencyProof proofFrom(long witnessedSize) {
    return new ConsistencyProof(
        witnessedSize, checkpoint.checkpoint().treeSize(), consistencyProof);
  }
}
