package com.sovereignstamp.audit.storage;

import java.sql.SQLException;
import java.util.List;

/** Each batch is one transaction on the entry table; an append returns once it is committed. */
final class TableBatches implements BatchSink {
  private final JdbcEntryStore store;
  private volatile boolean lastFailed;
  private volatile boolean forked;

  TableBatches(JdbcEntryStore store) {
    this.store = store;
  }

  @Override
  public void write(List<EntryRow> batch) throws SQLException {
    try {
      TableInsert.insert(store, batch);
    } catch (SQLException e) {
      forked |= e instanceof TableInsert.ForkedException;
      lastFailed = true;
      throw e;
    }
    lastFailed = false;
  }

  @Override
  public boolean local() {
    return false;
  }

  @Override
  public boolean accepting() {
    return !lastFailed;
  }

  @Override
  public boolean forked() {
    return forked;
  }

  @Override
  public void awaitTable(long size) {
    // every entry the log holds was committed to the table before its append returned
  }

  @Override
  public void close() {
    store.discardWriterConnection();
  }
}
