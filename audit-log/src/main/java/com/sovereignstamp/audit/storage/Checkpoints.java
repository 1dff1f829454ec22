package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.RootHash;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the log's signed checkpoints: the current size and root, the time and the log's origin,
 * signed and stored in {@link CheckpointStore}.
 *
 * <p><b>Nothing new, nothing signed.</b> If no entry was appended since the latest stored
 * checkpoint (same size, same origin, same key), {@link #checkpointNow} returns that checkpoint
 * instead of signing another: a timer may call it as often as it likes without filling the table,
 * and a checkpoint's time is when that size was first signed, not when someone last asked.
 *
 * <p><b>Never sign over a changed past.</b> Before signing, the latest stored checkpoint must be
 * reproduced by the log's tree at that checkpoint's size; if it is not (the stored entries were
 * rewritten before the log was opened, or another writer forked the table), nothing is signed and
 * {@link AuditLogException} says why.
 *
 * <p>A checkpoint is signed only once the entry table holds all it covers (a journaled log copies
 * into the table first), so an export of the table always reaches its latest checkpoint.
 *
 * <p>One instance per log and process; {@link #checkpointNow} is synchronized.
 */
public final class Checkpoints {
  private final AuditLog log;
  private final CheckpointStore store;
  private final CheckpointSigner signer;
  private final String origin;
  private final Clock clock;

  public Checkpoints(
      AuditLog log, CheckpointStore store, CheckpointSigner signer, String origin, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.store = Objects.requireNonNull(store, "store");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A signed checkpoint of the log as it is now: the latest stored one if nothing was appended
   * since, otherwise a new one, signed and stored.
   *
   * @throws AuditLogException if the log no longer reproduces its latest stored checkpoint
   * @throws SQLException if the checkpoint cannot be read or stored
   */
  public synchronized SignedCheckpoint checkpointNow() throws SQLException {
    MerkleTree tree = log.tree();
    long size = tree.size(); // read once: the tree only grows, its root at this size is fixed
    RootHash root = tree.rootHash(size);
    log.awaitTable(size); // what is signed is in the table, so an export covers it
    Optional<SignedCheckpoint> latest = store.latest();
    if (latest.isPresent()) {
      Checkpoint last = latest.get().checkpoint();
      requireReproduced(tree, size, last);
      if (last.treeSize() == size
          && last.origin().equals(origin)
          && latest.get().keyId().equals(signer.keyId())) {
        return latest.get();
      }
    }
    SignedCheckpoint signed = signer.sign(new Checkpoint(origin, size, root, clock.instant()));
    store.add(signed);
    return signed;
  }

  private static void requireReproduced(MerkleTree tree, long size, Checkpoint last) {
    if (last.treeSize() > size) {
      throw new AuditLogException(
          "the latest stored checkpoint covers "
              + last.treeSize()
              + " entries but the log holds "
              + size
              + ": not signing",
          null);
    }
    if (!tree.rootHash(last.treeSize()).equals(last.rootHash())) {
      throw new AuditLogException(
          "the log no longer reproduces its latest stored checkpoint ("
              + last.treeSize()
              + " entries): its stored entries were changed; not signing",
          null);
    }
  }
}
