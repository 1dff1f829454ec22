package com.sovereignstamp.bridge.witness;

import java.util.Optional;

/** Where witnessed checkpoints are kept: each client's history, newest last. */
public interface WitnessedCheckpoints {
  /**
   * The client's newest witnessed checkpoint, if any.
   *
   * @throws WitnessStoreException if the store cannot be read
   */
  Optional<WitnessedCheckpoint> latest(String client);

  /**
   * Stores a witnessed checkpoint as its client's next one: its sequence must be one past the
   * client's newest (0 for the first). {@code beforeCommit} runs once it is written and before it
   * is made durable; if {@code beforeCommit} throws, nothing is stored and the exception goes to
   * the caller.
   *
   * @throws ConcurrentWitnessException if that sequence number is taken: another submission for the
   *     same client was stored first (by this bridge or another sharing the database)
   * @throws WitnessStoreException if the store cannot be written
   */
  void append(WitnessedCheckpoint witnessed, Runnable beforeCommit)
      throws ConcurrentWitnessException;
}
