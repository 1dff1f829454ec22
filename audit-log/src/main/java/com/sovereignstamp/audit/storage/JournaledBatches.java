package com.sovereignstamp.audit.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Each batch is one write to the {@link EntryJournal}; a copier thread moves journaled entries into
 * the entry table in large transactions, every {@link JournalSettings#tableInterval()} (sooner when
 * many are waiting), and deletes journal segments once the table holds them.
 *
 * <p><b>Fail closed.</b> If a copy fails, no further batch is taken (every append fails) until a
 * later copy succeeds: the journal never runs far ahead of a table that cannot be written, and a
 * database made read-only stops the calls being recorded within one interval. What was journaled
 * stays in the journal and reaches the table when it can be written again, at the latest when the
 * log is next opened.
 *
 * <p><b>Readers.</b> The table is behind the journal by up to one interval; {@link #awaitTable}
 * copies at once, so checkpoints and reads through the log see every entry the log holds.
 */
final class JournaledBatches implements BatchSink {
  private static final int CHUNK = 4096;

  private final JdbcEntryStore store;
  private final EntryJournal journal;
  private final JournalSettings settings;

  /** Journaled, not yet in the table, in index order. Guarded by itself. */
  private final ArrayDeque<EntryRow> notInTable = new ArrayDeque<>();

  /** One copy at a time; guards {@link #tableSize} and the journal's discards. */
  private final Object copyLock = new Object();

  private long tableSize;
  private volatile Exception tableFailure;
  private volatile boolean forked;
  private volatile boolean running = true;
  private final Thread copier;

  private JournaledBatches(
      JdbcEntryStore store, EntryJournal journal, JournalSettings settings, long tableSize) {
    this.store = store;
    this.journal = journal;
    this.settings = settings;
    this.tableSize = tableSize;
    this.copier = new Thread(this::copyLoop, "audit-log-table-copier");
    copier.setDaemon(true);
  }

  /**
   * Opens the journal, copies into the table whatever the journal holds beyond it (entries made
   * durable before a crash), starts afresh and starts the copier.
   */
  static JournaledBatches open(JdbcEntryStore store, JournalSettings settings)
      throws SQLException, IOException {
    long tableSize = store.size();
    EntryJournal.Opened opened = EntryJournal.open(settings, tableSize);
    JournaledBatches batches = new JournaledBatches(store, opened.journal(), settings, tableSize);
    try {
      batches.notInTable.addAll(opened.notInTable());
      batches.copyAll();
      if (settings.fsync()) {
        store.flushToDisk();
      }
      synchronized (batches.journal) {
        batches.journal.discardAll();
      }
    } catch (SQLException | IOException | RuntimeException e) {
      opened.journal().close();
      store.discardWriterConnection();
      throw e;
    }
    batches.copier.start();
    return batches;
  }

  @Override
  public void write(List<EntryRow> batch) throws IOException {
    Exception failure = tableFailure;
    if (failure != null) {
      throw new IOException("the audit table cannot be written: " + failure.getMessage(), failure);
    }
    synchronized (journal) {
      if (batch.get(0).index() != journal.nextIndex()) {
        throw new IllegalStateException("the audit journal and the log disagree on the next index");
      }
      journal.append(batch.stream().map(EntryRow::entry).toList(), batch.get(0).recordedAt());
    }
    int waiting;
    synchronized (notInTable) {
      notInTable.addAll(batch);
      waiting = notInTable.size();
    }
    if (waiting >= CHUNK) {
      LockSupport.unpark(copier);
    }
  }

  @Override
  public boolean local() {
    return true;
  }

  @Override
  public boolean accepting() {
    return tableFailure == null;
  }

  @Override
  public boolean forked() {
    return forked;
  }

  @Override
  public void awaitTable(long size) {
    synchronized (copyLock) {
      if (tableSize >= size) {
        return;
      }
      copy();
      if (tableSize < size) {
        throw new AuditLogException("the audit table cannot be written", tableFailure);
      }
    }
  }

  private void copyLoop() {
    long interval = settings.tableInterval().toNanos();
    while (running) {
      LockSupport.parkNanos(interval);
      if (running) {
        copy();
      }
    }
  }

  /** Copies what is waiting; records a failure instead of throwing it. */
  private void copy() {
    synchronized (copyLock) {
      try {
        copyAll();
        if (settings.fsync()) {
          store.flushToDisk(); // the journal's segments go only once the table is as durable
        }
        synchronized (journal) {
          journal.discardBelow(tableSize);
        }
        tableFailure = null;
      } catch (SQLException | IOException e) {
        tableFailure = e;
      }
    }
  }

  /** Inserts every waiting entry, a chunk per transaction, in index order. */
  private void copyAll() throws SQLException {
    synchronized (copyLock) {
      while (true) {
        List<EntryRow> chunk = new ArrayList<>(CHUNK);
        synchronized (notInTable) {
          for (EntryRow row : notInTable) {
            if (chunk.size() == CHUNK) {
              break;
            }
            chunk.add(row);
          }
        }
        if (chunk.isEmpty()) {
          return;
        }
        insert(chunk);
        synchronized (notInTable) {
          for (int i = 0; i < chunk.size(); i++) {
            notInTable.removeFirst();
          }
        }
        tableSize += chunk.size();
      }
    }
  }

  private void insert(List<EntryRow> chunk) throws SQLException {
    try {
      TableInsert.insert(store, chunk);
    } catch (TableInsert.ForkedException e) {
      forked = true;
      throw e;
    }
  }

  /**
   * Stops the copier, copies what is left and, if the table then holds everything, ends the
   * journal.
   */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(copier);
    try {
      copier.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      copy();
      boolean allInTable;
      synchronized (notInTable) {
        allInTable = notInTable.isEmpty();
      }
      synchronized (journal) {
        if (allInTable && tableFailure == null) {
          journal.discardAll();
        }
        journal.close();
      }
    } catch (IOException e) {
      // the journal stays as it is; the next open copies what the table lacks
    } finally {
      store.discardWriterConnection();
    }
  }
}
