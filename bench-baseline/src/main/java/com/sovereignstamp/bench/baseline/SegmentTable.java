package com.sovereignstamp.bench.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The {@code bench_segment} rows of one stored body, through JDBC on the connection of the caller's
 * transaction, the way the appliance handles {@code stamp_segment}: inserted in batches of {@link
 * #BATCH} while the body streams in, read back {@link #BATCH} rows per query, deleted per object.
 */
final class SegmentTable {
  /** Bytes per row, the appliance's segment size (its plaintext part). */
  static final int SEGMENT = 64 * 1024;

  /** Rows per insert batch and per read page, as in the appliance. */
  static final int BATCH = 16;

  /**
   * What was stored.
   *
   * @param size body bytes
   * @param segments rows
   */
  record Written(long size, int segments) {}

  private SegmentTable() {}

  /** Reads the body to its end, one row per {@link #SEGMENT} bytes (none for an empty body). */
  static Written insert(Connection c, UUID objectId, String residency, InputStream body)
      throws SQLException, IOException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO bench_segment (object_id, idx, data, residency) VALUES (?, ?, ?, ?)")) {
      byte[] buffer = new byte[SEGMENT];
      long size = 0;
      int index = 0;
      int pending = 0;
      int n;
      while ((n = body.readNBytes(buffer, 0, SEGMENT)) > 0) {
        insert.setObject(1, objectId);
        insert.setInt(2, index++);
        insert.setBytes(3, Arrays.copyOf(buffer, n));
        insert.setString(4, residency);
        insert.addBatch();
        size += n;
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
      return new Written(size, index);
    }
  }

  /**
   * Writes every row of the object to {@code out}, in order, {@link #BATCH} rows per query (a new
   * statement per page, as the appliance's cursor does).
   */
  static long copy(Connection c, UUID objectId, OutputStream out) throws SQLException, IOException {
    long copied = 0;
    int from = 0;
    while (true) {
      int rows = 0;
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT data FROM bench_segment WHERE object_id = ? AND idx >= ? ORDER BY idx"
                  + " FETCH FIRST "
                  + BATCH
                  + " ROWS ONLY")) {
        q.setObject(1, objectId);
        q.setInt(2, from);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            byte[] data = r.getBytes(1);
            out.write(data);
            copied += data.length;
            rows++;
          }
        }
      }
      from += rows;
      if (rows < BATCH) {
        return copied;
      }
    }
  }

  static void delete(Connection c, UUID objectId) throws SQLException {
    try (PreparedStatement d =
        c.prepareStatement("DELETE FROM bench_segment WHERE object_id = ?")) {
      d.setObject(1, objectId);
      d.executeUpdate();
    }
  }

  /**
   * Makes the caller's fresh transaction a read-only snapshot on PostgreSQL ({@code REPEATABLE
   * READ}), as the appliance does for a download; H2 keeps its default.
   */
  static void snapshot(Connection c) throws SQLException {
    if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
      try (var s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      }
    }
  }
}
