package com.sovereignstamp.audit.storage;

import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Reads the log's tables straight, without opening an {@link AuditLog} (no writer, no in-memory
 * tree, no schema migration): for exports, by the bridge or by the {@code audit export} command.
 * Rows are streamed a page at a time.
 */
public final class AuditLogReader {
  private final JdbcEntryStore entries;

  public AuditLogReader(DataSource dataSource) {
    this.entries = new JdbcEntryStore(dataSource);
  }

  /** One stored row: its index, the entry bytes and the leaf hash recorded at append time. */
  public interface EntryVisitor {
    void visit(long index, byte[] entry, byte[] recordedLeafHash) throws IOException;
  }

  /** The largest stored entry index, -1 if the log is empty. */
  public long lastIndex() throws SQLException {
    return entries.lastIndex();
  }

  /**
   * Visits the stored rows up to {@code lastIndex}, in index order, as they are: a missing index is
   * skipped (the verifier, not the reader, judges the log).
   */
  public void forEachEntry(long lastIndex, EntryVisitor visitor) throws SQLException, IOException {
    entries.forEachStored(lastIndex, visitor);
  }
}
