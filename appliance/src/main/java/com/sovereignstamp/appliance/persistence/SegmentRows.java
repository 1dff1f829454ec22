package com.sovereignstamp.appliance.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code stamp_segment} rows of content objects, through JDBC on the connection of the caller's
 * transaction: inserted in batches, read a page at a time, deleted per object.
 */
final class SegmentRows {
  /** Rows per insert batch and per read page (16 × 64 KiB). */
  static final int BATCH = 16;

  private SegmentRows() {}

  /** Inserts segments of one object in batches; {@link #finish()} sends the rest. */
  static final class Inserter implements AutoCloseable {
    private final PreparedStatement insert;
    private final UUID objectId;
    private final String residency;
    private int pending;
    private int expected;

    Inserter(Connection c, UUID objectId, String residency) throws SQLException {
      this.insert =
          c.prepareStatement(
              "INSERT INTO stamp_segment (object_id, idx, data, residency) VALUES (?, ?, ?, ?)");
      this.objectId = objectId;
      this.residency = residency;
    }

    void add(int index, byte[] ciphertext) throws SQLException {
      if (index != expected) {
        throw new IllegalStateException("segments must arrive in order");
      }
      expected++;
      insert.setObject(1, objectId);
      insert.setInt(2, index);
      insert.setBytes(3, ciphertext);
      insert.setString(4, residency);
      insert.addBatch();
      if (++pending == BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    }

    void finish() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }

  /** Up to {@code limit} segments of the object, from the first, in order. */
  static List<byte[]> all(Connection c, UUID objectId, int limit) throws SQLException {
    return select(c, objectId, 0, limit);
  }

  /** Up to {@link #BATCH} segments of the object from index {@code from} on, in order. */
  static List<byte[]> page(Connection c, UUID objectId, int from) throws SQLException {
    return select(c, objectId, from, BATCH);
  }

  private static List<byte[]> select(Connection c, UUID objectId, int from, int limit)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT data FROM stamp_segment WHERE object_id = ? AND idx >= ? ORDER BY idx"
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")) {
      q.setObject(1, objectId);
      q.setInt(2, from);
      List<byte[]> rows = new ArrayList<>(limit);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          rows.add(r.getBytes(1));
        }
      }
      return rows;
    }
  }

  /**
   * Makes the caller's fresh transaction a read-only snapshot where the database can (PostgreSQL:
   * {@code REPEATABLE READ} for this transaction only; H2 keeps its default).
   */
  static void snapshot(Connection c) throws SQLException {
    if (c.getMetaData()
        .getDatabaseProductName()
        .toLowerCase(java.util.Locale.ROOT)
        .contains("postgres")) {
      try (var s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      }
    }
  }

  static void deleteObject(Connection c, UUID objectId) throws SQLException {
    try (PreparedStatement d =
        c.prepareStatement("DELETE FROM stamp_segment WHERE object_id = ?")) {
      d.setObject(1, objectId);
      d.executeUpdate();
    }
  }
}
