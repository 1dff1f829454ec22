package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.TreeHashes;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The append-only log. {@link #append} returns once the entry is durable.
 *
 * <p><b>Order.</b> Entries wait in a queue in the order they were appended; whoever holds the write
 * lock takes up to a batch of them off its head and makes them durable at once; an entry's index is
 * its position in that order (indexes are gap-free from 0). Concurrent appends are thereby
 * group-committed: many entries, one commit. With a journal, an appender that finds the lock free
 * writes the batch itself (no hand-over to another thread, whose wake-up would add to every call's
 * latency); entries that arrive while a batch is being written, and every batch of a log without a
 * journal, are written by the log's writer thread. The index column is the primary key, so a second
 * writer on the same table makes commits fail instead of forking the log.
 *
 * <p><b>Durable where.</b> Opened with {@link #open}, each batch is one transaction on the entry
 * table. Opened with {@link #openJournaled}, each batch is one write to an append-only journal file
 * and the table is filled from the journal in large transactions (see {@link JournalSettings}): an
 * embedded database pays for each commit with a new block written and a good part of a millisecond
 * of CPU, a journal with one {@code write}. Either way {@link #tree()}, {@link #entries} and
 * checkpoints see every entry whose append returned.
 *
 * <p><b>Failure.</b> If a batch cannot be made durable every append in it throws {@link
 * AuditLogException}; nothing of the batch is in the log. Should the outcome be unknown (the
 * connection broke during commit), the writer reads the table back before it goes on.
 */
public final class AuditLog implements AutoCloseable {
  private final JdbcEntryStore store;
  private final BatchSink sink;
  private final MerkleTree tree = new MerkleTree();
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final Duration appendTimeout;
  private final Clock clock;
  private final Thread writer;

  /**
   * Held while a batch is taken off the queue and written: one writer at a time, in queue order.
   */
  private final ReentrantLock writing = new ReentrantLock();

  /** Released once per queued entry: wakes the writer thread. */
  private final Semaphore queued = new Semaphore(0);

  private final AtomicLong commits = new AtomicLong();
  private volatile boolean running = true;

  private record Pending(byte[] entry, byte[] leafHash, CompletableFuture<AuditReceipt> done) {}

  private AuditLog(
      JdbcEntryStore store, BatchSink sink, int maxBatch, Duration appendTimeout, Clock clock)
      throws SQLException {
    this.store = store;
    this.sink = sink;
    this.maxBatch = maxBatch;
    this.appendTimeout = appendTimeout;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(maxBatch * 16);
    for (byte[] hash : store.leafHashes(0, store.size())) {
      tree.append(hash);
    }
    this.writer = new Thread(this::writeLoop, "audit-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Migrates the schema, reads the existing log into the in-memory tree and starts the writer; each
   * batch is one transaction on the entry table.
   *
   * @param maxBatch the most entries one batch takes
   * @param appendTimeout how long an append may wait to be made durable before it fails
   */
  public static AuditLog open(
      DataSource dataSource, int maxBatch, Duration appendTimeout, Clock clock)
      throws SQLException {
    AuditSchema.migrate(dataSource);
    JdbcEntryStore store = new JdbcEntryStore(dataSource);
    return new AuditLog(store, new TableBatches(store), maxBatch, appendTimeout, clock);
  }

  /**
   * As {@link #open}, but each batch is one write to the journal in {@link
   * JournalSettings#directory()}; entries the journal holds beyond the table (the process stopped
   * before they were copied) are copied into the table first.
   *
   * @throws IOException if the journal is held by another log, is corrupt or lost entries
   */
  public static AuditLog openJournaled(
      DataSource dataSource,
      int maxBatch,
      Duration appendTimeout,
      JournalSettings journal,
      Clock clock)
      throws SQLException, IOException {
    AuditSchema.migrate(dataSource);
    JdbcEntryStore store = new JdbcEntryStore(dataSource);
    JournaledBatches sink = JournaledBatches.open(store, journal);
    try {
      return new AuditLog(store, sink, maxBatch, appendTimeout, clock);
    } catch (SQLException | RuntimeException e) {
      sink.close();
      throw e;
    }
  }

  /** Records an entry; returns only once it is durable, throws {@link AuditLogException} if not. */
  public AuditReceipt append(JsonObject entry) {
    byte[] bytes = CanonicalJson.serialize(entry);
    Pending p = new Pending(bytes, TreeHashes.leafHash(bytes), new CompletableFuture<>());
    try {
      if (!running || !queue.offer(p, appendTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AuditLogException("the audit log cannot take entries", null);
      }
      if (sink.local() && !Thread.currentThread().isInterrupted() && writing.tryLock()) {
        try {
          writeQueued();
        } finally {
          writing.unlock();
        }
      }
      if (!p.done().isDone()) {
        queued.release(); // someone else is writing: the writer thread takes what is left
      }
      return p.done().get(appendTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new AuditLogException("the audit entry was not recorded", e.getCause());
    } catch (TimeoutException e) {
      // An entry not yet taken by the writer is dropped; one already being written may still land
      // (the log can hold a call that failed, never lack one that was answered).
      p.done().cancel(false);
      throw new AuditLogException("the audit entry was not recorded in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditLogException("interrupted while recording an audit entry", e);
    }
  }

  /** The in-memory tree over every durable entry, for roots and proofs. */
  public MerkleTree tree() {
    return tree;
  }

  /**
   * Returns once the entry table holds the first {@code size} entries (at once unless the log is
   * journaled): before a checkpoint is signed, so that an export of the table covers it.
   *
   * @throws AuditLogException if the table cannot be written
   */
  public void awaitTable(long size) {
    sink.awaitTable(size);
  }

  /**
   * Whether the log can be expected to take an entry now: it is open and its last commit (or, when
   * journaled, its last copy into the table) did not fail. Callers that record an operation later
   * (counted reads) check this first, so that they fail while the log is failing instead of piling
   * up records it may never take.
   */
  public boolean isWritable() {
    return running && sink.accepting();
  }

  /** Batches made durable so far (fewer than entries when appends were grouped). */
  public long commits() {
    return commits.get();
  }

  /** Entries {@code from <= index < to} as stored, for export and verification. */
  public List<byte[]> entries(long from, long to) throws SQLException {
    awaitTable(Math.min(to, tree.size()));
    return store.entries(from, to);
  }

  private void writeLoop() {
    while (running || !queue.isEmpty()) {
      try {
        if (!queued.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        queued.drainPermits();
        writing.lockInterruptibly();
        try {
          while (!queue.isEmpty()) {
            writeQueued();
          }
        } finally {
          writing.unlock();
        }
      } catch (InterruptedException e) {
        running = false;
      }
    }
  }

  /** Takes up to a batch off the head of the queue and writes it. Only under {@link #writing}. */
  private void writeQueued() {
    List<Pending> batch = new ArrayList<>(Math.min(maxBatch, queue.size() + 1));
    queue.drainTo(batch, maxBatch);
    batch.removeIf(p -> p.done().isDone()); // its caller gave up waiting
    if (!batch.isEmpty()) {
      write(batch);
    }
  }

  private void write(List<Pending> batch) {
    long index = tree.size();
    Instant at = clock.instant();
    List<EntryRow> rows = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      rows.add(new EntryRow(index++, at, p.entry(), p.leafHash()));
    }
    try {
      sink.write(rows);
    } catch (Exception e) {
      if (sink.forked()) {
        running = false; // someone else writes this table: stop rather than fork the log
      }
      for (Pending p : batch) {
        p.done().completeExceptionally(e);
      }
      return;
    }
    commits.incrementAndGet();
    for (Pending p : batch) {
      long i = tree.append(p.leafHash());
      p.done().complete(new AuditReceipt(i, p.leafHash()));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    queued.release();
    writer.join(10_000);
    sink.close();
    Pending p;
    while ((p = queue.poll()) != null) {
      p.done().completeExceptionally(new AuditLogException("the audit log was closed", null));
    }
  }
}
