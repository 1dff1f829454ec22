package com.sovereignstamp.audit.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The {@code audit_entry} table: batch inserts in one transaction, reads in index order. */
final class JdbcEntryStore {
  private static final int PAGE = 1000;
  private final DataSource dataSource;
  private Connection writer;

  JdbcEntryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Writes the rows (consecutive indexes) in one transaction; nothing is written if it fails. Only
   * one thread at a time calls this (the log's writer, or its table copier): the store keeps one
   * connection open across batches (no pool needed, no connection set-up per commit) and drops it
   * after any failure, so the next batch starts on a fresh one.
   */
  void insert(List<EntryRow> rows) throws SQLException {
    Connection c = writerConnection();
    try {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO audit_entry (entry_index, entry, leaf_hash, recorded_at) VALUES (?, ?, ?, ?)")) {
        for (EntryRow row : rows) {
          ps.setLong(1, row.index());
          ps.setBytes(2, row.entry());
          ps.setBytes(3, row.leafHash());
          ps.setTimestamp(4, Timestamp.from(row.recordedAt()));
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      }
    } catch (SQLException e) {
      discardWriterConnection();
      throw e;
    }
  }

  /**
   * Forces what was committed to the disk: H2 writes each commit without flushing it ({@code
   * CHECKPOINT SYNC} flushes); PostgreSQL's commit has already waited for its flush.
   */
  void flushToDisk() throws SQLException {
    Connection c = writerConnection();
    try {
      if ("H2".equals(c.getMetaData().getDatabaseProductName())) {
        try (Statement s = c.createStatement()) {
          s.execute("CHECKPOINT SYNC");
        }
      }
    } catch (SQLException e) {
      discardWriterConnection();
      throw e;
    }
  }

  private Connection writerConnection() throws SQLException {
    if (writer == null) {
      Connection c = dataSource.getConnection();
      c.setAutoCommit(false);
      writer = c;
    }
    return writer;
  }

  /** Closes the writer's connection, rolling back whatever it had not committed. */
  void discardWriterConnection() {
    Connection c = writer;
    writer = null;
    if (c != null) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is being thrown away; closing it ends the transaction anyway
      }
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }

  /** Entries with {@code from <= index < to}, in index order. */
  List<byte[]> entries(long from, long to) throws SQLException {
    return column("entry", from, to);
  }

  List<byte[]> leafHashes(long from, long to) throws SQLException {
    return column("leaf_hash", from, to);
  }

  private List<byte[]> column(String column, long from, long to) throws SQLException {
    List<byte[]> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT entry_index, "
                    + column
                    + " FROM audit_entry WHERE entry_index >= ? AND entry_index < ? ORDER BY entry_index")) {
      ps.setLong(1, from);
      ps.setLong(2, to);
      try (ResultSet rs = ps.executeQuery()) {
        long expected = from;
        while (rs.next()) {
          if (rs.getLong(1) != expected) {
            throw new SQLException("audit log has a gap at index " + expected);
          }
          out.add(rs.getBytes(2));
          expected++;
        }
      }
    }
    return out;
  }

  /**
   * Visits every stored row with {@code entry_index <= lastIndex} in index order, a page at a time,
   * as it is: a missing index (a deleted row) is skipped, not refused, so that an export shows the
   * table as it is and the verifier names the gap.
   */
  void forEachStored(long lastIndex, AuditLogReader.EntryVisitor visitor)
      throws SQLException, IOException {
    long after = -1;
    while (true) {
      int read = 0;
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT entry_index, entry, leaf_hash FROM audit_entry"
                      + " WHERE entry_index > ? AND entry_index <= ? ORDER BY entry_index LIMIT "
                      + PAGE)) {
        ps.setLong(1, after);
        ps.setLong(2, lastIndex);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            after = rs.getLong(1);
            visitor.visit(after, rs.getBytes(2), rs.getBytes(3));
            read++;
          }
        }
      }
      if (read < PAGE) {
        return;
      }
    }
  }

  /** The largest stored index, -1 for an empty table. */
  long lastIndex() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COALESCE(MAX(entry_index), -1) FROM audit_entry");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  long size() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*), COALESCE(MAX(entry_index), -1) FROM audit_entry");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long count = rs.getLong(1);
      if (rs.getLong(2) != count - 1) {
        throw new SQLException("audit log indexes are not gap-free from 0 (" + count + " rows)");
      }
      return count;
    }
  }
}
