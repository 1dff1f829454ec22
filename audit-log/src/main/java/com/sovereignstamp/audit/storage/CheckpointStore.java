package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code audit_checkpoint} table: every signed checkpoint of the log, oldest first. Sequence
 * numbers are gap-free from 0 (the primary key, so a second writer's insert fails rather than forks
 * the list) and tree sizes never decrease along them. The schema comes with {@link
 * AuditSchema#migrate} (changelog 0.2), which {@link AuditLog#open} runs.
 */
public final class CheckpointStore {
  private static final String COLUMNS = "checkpoint_seq, tree_size, signed_checkpoint";
  private static final int PAGE = 1000;

  private final DataSource dataSource;
  private final Clock clock;

  /**
   * @param clock stamps {@code created_at}, the time a checkpoint was stored
   */
  public CheckpointStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** A checkpoint as stored: its sequence number, tree size and canonical signed bytes. */
  public interface StoredCheckpointVisitor {
    void visit(long sequence, long treeSize, byte[] signedCheckpoint) throws IOException;
  }

  /**
   * Stores a signed checkpoint after the latest one, in one transaction.
   *
   * @return its sequence number
   * @throws IllegalArgumentException if it covers fewer entries than the latest stored checkpoint
   */
  public long add(SignedCheckpoint signed) throws SQLException {
    long treeSize = signed.checkpoint().treeSize();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long next = 0;
        try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT checkpoint_seq, tree_size FROM audit_checkpoint"
                        + " ORDER BY checkpoint_seq DESC LIMIT 1");
            ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            next = rs.getLong(1) + 1;
            if (rs.getLong(2) > treeSize) {
              throw new IllegalArgumentException(
                  "a checkpoint of "
                      + treeSize
                      + " entries is older than the latest stored one ("
                      + rs.getLong(2)
                      + " entries)");
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO audit_checkpoint (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?)")) {
          ps.setLong(1, next);
          ps.setLong(2, treeSize);
          ps.setBytes(3, signed.toCanonicalJson());
          ps.setTimestamp(4, Timestamp.from(clock.instant()));
          ps.executeUpdate();
        }
        c.commit();
        return next;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The most recent checkpoint (the one with the largest tree size), if any. */
  public Optional<SignedCheckpoint> latest() throws SQLException {
    return one("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY checkpoint_seq DESC LIMIT 1");
  }

  /** The most recent checkpoint that covers at most {@code treeSize} entries, if any. */
  public Optional<SignedCheckpoint> latestAtOrBelow(long treeSize) throws SQLException {
    return one(
        "SELECT "
            + COLUMNS
            + " FROM audit_checkpoint WHERE tree_size <= ? ORDER BY checkpoint_seq DESC LIMIT 1",
        treeSize);
  }

  /** Every checkpoint, oldest first. */
  public List<SignedCheckpoint> all() throws SQLException {
    List<Long> sequences = new ArrayList<>();
    List<byte[]> stored = new ArrayList<>();
    try {
      forEachStored(
          (sequence, treeSize, bytes) -> {
            sequences.add(sequence);
            stored.add(bytes);
          });
    } catch (IOException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
    List<SignedCheckpoint> out = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      out.add(parse(sequences.get(i), stored.get(i)));
    }
    return out;
  }

  /**
   * Visits every stored checkpoint, oldest first, with the bytes exactly as stored (an export
   * copies them unparsed, so the verifier judges them). Reads a page at a time.
   */
  public void forEachStored(StoredCheckpointVisitor visitor) throws SQLException, IOException {
    long from = 0;
    while (true) {
      int read = 0;
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM audit_checkpoint WHERE checkpoint_seq >= ?"
                      + " ORDER BY checkpoint_seq LIMIT "
                      + PAGE)) {
        ps.setLong(1, from);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            visitor.visit(rs.getLong(1), rs.getLong(2), rs.getBytes(3));
            from = rs.getLong(1) + 1;
            read++;
          }
        }
      }
      if (read < PAGE) {
        return;
      }
    }
  }

  private Optional<SignedCheckpoint> one(String sql, long... parameters) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setLong(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(parse(rs.getLong(1), rs.getBytes(3))) : Optional.empty();
      }
    }
  }

  private static SignedCheckpoint parse(long sequence, byte[] bytes) throws SQLDataException {
    try {
      return SignedCheckpoint.parse(bytes);
    } catch (CheckpointException e) {
      throw new SQLDataException(
          "audit_checkpoint " + sequence + " does not hold a signed checkpoint: " + e.getMessage());
    }
  }
}
