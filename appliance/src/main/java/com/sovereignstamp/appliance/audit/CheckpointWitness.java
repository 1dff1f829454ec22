package com.sovereignstamp.appliance.audit;

import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.ConsistencyProof;
import java.util.Optional;

/**
 * Someone outside the appliance's reach who co-signs its audit log's checkpoints once each is shown
 * to extend the last one it co-signed: the HSM bridge. Its answers are checked by the caller.
 */
public interface CheckpointWitness {
  /**
   * The last checkpoint the witness co-signed for this appliance; empty before the first.
   *
   * @throws WitnessUnavailableException if the witness cannot be reached or cannot answer now
   * @throws WitnessRefusedException if the witness refuses the appliance or its answer is malformed
   */
  Optional<WitnessedCheckpoint> latest()
      throws WitnessUnavailableException, WitnessRefusedException;

  /**
   * Submits a checkpoint with the proof that it extends the last one the witness co-signed (empty
   * for the first checkpoint and for a repeat).
   *
   * @throws WitnessUnavailableException if the witness cannot be reached or cannot answer now
   * @throws WitnessRefusedException if the witness refuses the checkpoint (a rewritten or truncated
   *     history among others) or its answer is malformed
   */
  WitnessedCheckpoint submit(SignedCheckpoint checkpoint, ConsistencyProof proof)
      throws WitnessUnavailableException, WitnessRefusedException;
}
