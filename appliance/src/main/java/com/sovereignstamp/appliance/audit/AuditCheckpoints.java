package com.sovereignstamp.appliance.audit;

import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.ConsistencyProof;
import com.sovereignstamp.audit.merkle.RootHash;
import java.util.Optional;

/** The appliance's audit log as signed checkpoints, and the proofs between its sizes. */
public interface AuditCheckpoints {
  /**
   * A signed checkpoint of the whole log as it is now: the latest one again if nothing was appended
   * since, otherwise a new one, signed and stored.
   *
   * @throws AuditUnavailableException if it cannot be signed or stored, or the log no longer
   *     reproduces its latest stored checkpoint
   */
  SignedCheckpoint checkpointNow();

  /** The latest stored checkpoint; empty before the first. */
  Optional<SignedCheckpoint> latest();

  /** How many entries the log holds now. */
  long size();

  /** The root over the first {@code size} entries, {@code size <= size()}. */
  RootHash rootHash(long size);

  /**
   * The proof that the log's first {@code fromSize} entries are a prefix of its first {@code
   * toSize}.
   */
  ConsistencyProof consistencyProof(long fromSize, long toSize);
}
