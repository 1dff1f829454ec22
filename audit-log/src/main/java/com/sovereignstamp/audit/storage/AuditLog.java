package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.TreeHashes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The append-only log. {@link #append} returns once the entry is committed to the database.
 *
 * <p><b>Order.</b> One writer thread takes waiting entries off a queue, in the order they were
 * queued, and writes each batch in one transaction; an entry's index is its position in that order
 * (indexes are gap-free from 0). Concurrent appends are thereby group-committed: many entries, one
 * commit. The index column is the primary key, so a second writer on the same table makes commits
 * fail instead of forking the log.
 *
 * <p><b>Failure.</b> If a batch cannot be committed every append in it throws {@link
 * AuditLogException}; nothing of the batch is in the log. Should the outcome be unknown (the
 * connection broke during commit), the writer reads the table back before it goes on.
 */
public final class AuditLog implements AutoCloseable {
  private final JdbcEntryStore store;
  private final MerkleTree tree = new MerkleTree();
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final long lingerNanos;
  private int lastBatchSize;
  private final Duration appendTimeout;
  private final Clock clock;
  private final Thread writer;
  private final AtomicLong commits = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean lastCommitFailed;

  private record Pending(byte[] entry, byte[] leafHash, CompletableFuture<AuditReceipt> done) {}

  private AuditLog(
      DataSource dataSource, int maxBatch, Duration appendTimeout, Duration linger, Clock clock)
      throws SQLException {
    this.store = new JdbcEntryStore(dataSource);
    this.maxBatch = maxBatch;
    this.lingerNanos = linger.toNanos();
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
   * Migrates the schema, reads the existing log into the in-memory tree and starts the writer.
   *
   * @param maxBatch the most entries one transaction takes
   * @param appendTimeout how long an append may wait to be committed before it fails
   */
  public static AuditLog open(
      DataSource dataSource, int maxBatch, Duration appendTimeout, Clock clock)
      throws SQLException {
    return open(dataSource, maxBatch, appendTimeout, Duration.ZERO, clock);
  }

  /**
   * As {@link #open(DataSource, int, Duration, Clock)}, with a commit linger: when the previous
   * batch held more than one entry (appenders are concurrent), the writer waits up to {@code
   * linger} for more entries before it commits, so that a commit whose cost hardly depends on its
   * size (an embedded database writes a new block per commit) is shared by more of them. A lone
   * appender never waits.
   */
  public static AuditLog open(
      DataSource dataSource, int maxBatch, Duration appendTimeout, Duration linger, Clock clock)
      throws SQLException {
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must not be negative");
    }
    AuditSchema.migrate(dataSource);
    return new AuditLog(dataSource, maxBatch, appendTimeout, linger, clock);
  }

  /** Records an entry; returns only once it is durable, throws {@link AuditLogException} if not. */
  public AuditReceipt append(JsonObject entry) {
    byte[] bytes = CanonicalJson.serialize(entry);
    Pending p = new Pending(bytes, TreeHashes.leafHash(bytes), new CompletableFuture<>());
    try {
      if (!running || !queue.offer(p, appendTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AuditLogException("the audit log cannot take entries", null);
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

  /** The in-memory tree over every committed entry, for roots and proofs. */
  public MerkleTree tree() {
    return tree;
  }

  /**
   * Whether the log can be expected to take an entry now: it is open and its last commit did not
   * fail. Callers that record an operation later (counted reads) check this first, so that they
   * fail while the log is failing instead of piling up records it may never take.
   */
  public boolean isWritable() {
    return running && !lastCommitFailed;
  }

  /** Committed transactions so far (fewer than entries when appends were grouped). */
  public long commits() {
    return commits.get();
  }

  /** Entries {@code from <= index < to} as stored, for export and verification. */
  public List<byte[]> entries(long from, long to) throws SQLException {
    return store.entries(from, to);
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        if (lingerNanos > 0 && lastBatchSize > 1) {
          linger(batch);
        }
        lastBatchSize = batch.size();
        batch.removeIf(p -> p.done().isDone()); // its caller gave up waiting
        if (!batch.isEmpty()) {
          write(batch);
        }
      } catch (InterruptedException e) {
        running = false;
      } finally {
        batch.clear();
      }
    }
  }

  /** Waits up to the linger for more entries, while the batch has room. */
  private void linger(List<Pending> batch) throws InterruptedException {
    long deadline = System.nanoTime() + lingerNanos;
    while (batch.size() < maxBatch) {
      long left = deadline - System.nanoTime();
      Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, maxBatch - batch.size());
    }
  }

  private void write(List<Pending> batch) {
    long firstIndex = tree.size();
    List<byte[]> entries = batch.stream().map(Pending::entry).toList();
    List<byte[]> hashes = batch.stream().map(Pending::leafHash).toList();
    SQLException failure = null;
    try {
      store.insert(firstIndex, entries, hashes, clock.instant());
    } catch (SQLException e) {
      failure = e;
    }
    if (failure != null && !committedAnyway(firstIndex, batch.size())) {
      lastCommitFailed = true;
      for (Pending p : batch) {
        p.done().completeExceptionally(failure);
      }
      return;
    }
    lastCommitFailed = false;
    commits.incrementAndGet();
    for (Pending p : batch) {
      long index = tree.append(p.leafHash());
      p.done().complete(new AuditReceipt(index, p.leafHash()));
    }
  }

  /** After a failed commit: did the batch land after all (the reply was lost, not the commit)? */
  private boolean committedAnyway(long firstIndex, int count) {
    try {
      long size = store.size();
      if (size == firstIndex + count) {
        return true;
      }
      if (size != firstIndex) {
        running = false; // someone else writes this table: stop rather than fork the log
      }
      return false;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    writer.join(10_000);
    store.discardWriterConnection();
    Pending p;
    while ((p = queue.poll()) != null) {
      p.done().completeExceptionally(new AuditLogException("the audit log was closed", null));
    }
  }
}
