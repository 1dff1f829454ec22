package com.sovereignstamp.appliance.audit;

import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.ConsistencyProof;
import com.sovereignstamp.audit.merkle.ProofException;
import com.sovereignstamp.audit.merkle.ProofVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A witness like the bridge's, in memory: it checks that each submission extends what it co-signed
 * last (refusing {@code inconsistent-history} otherwise) and co-signs with its key. The tests make
 * it unreachable, refuse, forge or lie.
 */
final class FakeWitness implements CheckpointWitness {
  static final String NAME = "sovereign-stamp/hsm-bridge/test";

  private final CheckpointSigner key;
  private final List<WitnessedCheckpoint> witnessed = new ArrayList<>();
  final List<ConsistencyProof> proofs = new ArrayList<>();
  int calls;
  boolean unreachable;
  String refusal;
  CheckpointSigner forgeWith;
  UnaryOperator<Checkpoint> cosignInstead;
  WitnessedCheckpoint latestInstead;

  FakeWitness(CheckpointSigner key) {
    this.key = key;
  }

  @Override
  public Optional<WitnessedCheckpoint> latest() throws WitnessUnavailableException {
    calls++;
    if (unreachable) {
      throw new WitnessUnavailableException("ConnectException: Connection refused");
    }
    if (latestInstead != null) {
      return Optional.of(latestInstead);
    }
    return witnessed.isEmpty()
        ? Optional.empty()
        : Optional.of(witnessed.get(witnessed.size() - 1));
  }

  @Override
  public WitnessedCheckpoint submit(SignedCheckpoint signed, ConsistencyProof proof)
      throws WitnessUnavailableException, WitnessRefusedException {
    calls++;
    proofs.add(proof);
    if (unreachable) {
      throw new WitnessUnavailableException("HttpTimeoutException: request timed out");
    }
    if (refusal != null) {
      throw new WitnessRefusedException(refusal, "refused by the test");
    }
    Checkpoint now = signed.checkpoint();
    if (!witnessed.isEmpty()) {
      Checkpoint last = witnessed.get(witnessed.size() - 1).signed().checkpoint();
      try {
        if (proof.oldSize() != last.treeSize() || proof.newSize() != now.treeSize()) {
          throw new ProofException("the proof is not from the last witnessed size");
        }
        ProofVerifier.verifyConsistency(proof, last.rootHash(), now.rootHash());
      } catch (ProofException e) {
        throw new WitnessRefusedException("inconsistent-history", e.getMessage());
      }
    }
    Checkpoint cosigned = cosignInstead == null ? now : cosignInstead.apply(now);
    WitnessedCheckpoint w =
        new WitnessedCheckpoint(
            signed,
            Cosignature.sign(cosigned, NAME, Instant.now(), forgeWith == null ? key : forgeWith));
    witnessed.add(w);
    return w;
  }

  /** A checkpoint co-signed with this witness's own key, whatever it is. */
  WitnessedCheckpoint cosigned(SignedCheckpoint signed) {
    return new WitnessedCheckpoint(
        signed, Cosignature.sign(signed.checkpoint(), NAME, Instant.now(), key));
  }

  int witnessedCount() {
    return witnessed.size();
  }
}
