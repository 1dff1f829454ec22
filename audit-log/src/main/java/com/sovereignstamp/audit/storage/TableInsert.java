package com.sovereignstamp.audit.storage;

import java.sql.SQLException;
import java.util.List;

/**
 * Inserts rows into the entry table in one transaction and, when the commit reports a failure,
 * reads the table back to learn what became of them.
 */
final class TableInsert {
  /** The table holds rows nobody here wrote: another writer; the log must stop, not fork. */
  static final class ForkedException extends SQLException {
    ForkedException(SQLException cause) {
      super("another writer has written to the audit table", cause);
    }
  }

  private TableInsert() {}

  /**
   * Returns once the rows are in the table — also when the commit's reply was lost but the commit
   * was not.
   *
   * @throws ForkedException if the table's size shows another writer
   * @throws SQLException if the rows are not in the table
   */
  static void insert(JdbcEntryStore store, List<EntryRow> rows) throws SQLException {
    try {
      store.insert(rows);
    } catch (SQLException e) {
      long first = rows.get(0).index();
      long size;
      try {
        size = store.size();
      } catch (SQLException unreadable) {
        throw e;
      }
      if (size == first + rows.size()) {
        return;
      }
      throw size == first ? e : new ForkedException(e);
    }
  }
}
