package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.audit.AuditCheckpoints;
import com.sovereignstamp.appliance.audit.AuditUnavailableException;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.ConsistencyProof;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.audit.storage.CheckpointStore;
import com.sovereignstamp.audit.storage.Checkpoints;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The appliance's audit log (audit-log's {@link AuditLog}) with its signed checkpoints in the
 * stamp's database ({@code audit_checkpoint}, through {@link CheckpointStore}). The latest
 * checkpoint is kept in memory for the status page: this process is the log's only writer.
 */
public final class AuditLogCheckpoints implements AuditCheckpoints {
  private final AuditLog log;
  private final Checkpoints checkpoints;
  private volatile SignedCheckpoint latest;

  private AuditLogCheckpoints(AuditLog log, Checkpoints checkpoints, SignedCheckpoint latest) {
    this.log = log;
    this.checkpoints = checkpoints;
    this.latest = latest;
  }

  /**
   * @param origin the log's name in its checkpoints
   * @throws SQLException if the stored checkpoints cannot be read
   */
  public static AuditLogCheckpoints open(
      AuditLog log, DataSource dataSource, CheckpointSigner signer, String origin, Clock clock)
      throws SQLException {
    CheckpointStore store = new CheckpointStore(dataSource, clock);
    return new AuditLogCheckpoints(
        log, new Checkpoints(log, store, signer, origin, clock), store.latest().orElse(null));
  }

  @Override
  public SignedCheckpoint checkpointNow() {
    try {
      SignedCheckpoint c = checkpoints.checkpointNow();
      latest = c;
      return c;
    } catch (SQLException e) {
      throw new AuditUnavailableException("the checkpoint cannot be read or stored", e);
    } catch (RuntimeException e) {
      // AuditLogException: the log no longer reproduces its latest checkpoint; or the signer
      throw new AuditUnavailableException("the audit log cannot be checkpointed", e);
    }
  }

  @Override
  public Optional<SignedCheckpoint> latest() {
    return Optional.ofNullable(latest);
  }

  @Override
  public long size() {
    return log.tree().size();
  }

  @Override
  public RootHash rootHash(long size) {
    return log.tree().rootHash(size);
  }

  @Override
  public ConsistencyProof consistencyProof(long fromSize, long toSize) {
    return log.tree().consistencyProof(fromSize, toSize);
  }
}
