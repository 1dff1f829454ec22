package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.bridge.witness.ConcurrentWitnessException;
import com.sovereignstamp.bridge.witness.WitnessStoreException;
import com.sovereignstamp.bridge.witness.WitnessedCheckpoint;
import com.sovereignstamp.bridge.witness.WitnessedCheckpoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Witnessed checkpoints in table {@code witnessed_checkpoint} (changelog {@code
 * com/sovereignstamp/bridge/db}). The primary key (client, sequence) makes the second of two
 * submissions that extend the same witnessed checkpoint fail, whichever bridge wrote the first.
 */
public final class JdbcWitnessedCheckpoints implements WitnessedCheckpoints {
  /** SQLSTATE of a unique or primary key violation, on PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public JdbcWitnessedCheckpoints(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<WitnessedCheckpoint> latest(String client) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT witness_seq, signed_checkpoint, cosignature FROM witnessed_checkpoint"
                    + " WHERE client_name = ? ORDER BY witness_seq DESC FETCH FIRST 1 ROWS ONLY")) {
      ps.setString(1, client);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new WitnessedCheckpoint(
                client,
                rs.getLong(1),
                SignedCheckpoint.parse(rs.getBytes(2)),
                Cosignature.parse(rs.getBytes(3))));
      }
    } catch (SQLException e) {
      throw new WitnessStoreException("cannot read the witnessed checkpoints of " + client, e);
    } catch (CheckpointException e) {
      throw new WitnessStoreException(
          "a stored witnessed checkpoint of " + client + " does not read: " + e.getMessage(), null);
    }
  }

  @Override
  public void append(WitnessedCheckpoint w, Runnable beforeCommit)
      throws ConcurrentWitnessException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        insert(c, w);
        beforeCommit.run();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
          throw new ConcurrentWitnessException(w.client(), w.sequence());
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new WitnessStoreException("cannot store a witnessed checkpoint of " + w.client(), e);
    }
  }

  private static void insert(Connection c, WitnessedCheckpoint w) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO witnessed_checkpoint (client_name, witness_seq, tree_size, root_hash,"
                + " signed_checkpoint, cosignature, witnessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, w.client());
      ps.setLong(2, w.sequence());
      ps.setLong(3, w.treeSize());
      ps.setBytes(4, w.rootHash().bytes());
      ps.setBytes(5, w.signed().toCanonicalJson());
      ps.setBytes(6, w.cosignature().toCanonicalJson());
      ps.setTimestamp(7, Timestamp.from(w.cosignature().witnessedAt()));
      ps.executeUpdate();
    }
  }
}
