package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.storage.SegmentCursor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The segments of one object, {@link SegmentRows#BATCH} rows per query, all in one transaction — on
 * PostgreSQL a repeatable-read snapshot, so a download sees the content as it was when it started
 * even if the document is replaced meanwhile. Holds one page in memory.
 */
final class JdbcSegmentCursor implements SegmentCursor {
  private final EntityManager em;
  private final EntityTransaction tx;
  private final Connection connection;
  private final UUID objectId;
  private final Deque<byte[]> page = new ArrayDeque<>();
  private int nextIndex;
  private boolean exhausted;
  private boolean closed;

  JdbcSegmentCursor(EntityManager em, UUID objectId) {
    this.em = em;
    this.objectId = objectId;
    this.tx = em.getTransaction();
    try {
      tx.begin();
      this.connection = em.unwrap(Connection.class);
      SegmentRows.snapshot(connection);
    } catch (SQLException | RuntimeException e) {
      release();
      throw e instanceof SQLException s
          ? JpaDocumentRepository.unavailable(s)
          : (RuntimeException) e;
    }
  }

  @Override
  public boolean hasNext() {
    if (page.isEmpty() && !exhausted && !closed) {
      fetch();
    }
    return !page.isEmpty();
  }

  @Override
  public byte[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.removeFirst();
  }

  private void fetch() {
    try {
      List<byte[]> rows = SegmentRows.page(connection, objectId, nextIndex);
      page.addAll(rows);
      nextIndex += rows.size();
      exhausted = rows.size() < SegmentRows.BATCH;
    } catch (SQLException e) {
      throw JpaDocumentRepository.unavailable(e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      page.clear();
      release();
    }
  }

  private void release() {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException ignored) {
      // the connection goes back to the pool either way
    } finally {
      em.close();
    }
  }
}
