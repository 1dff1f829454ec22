package com.sovereignstamp.bench.baseline;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents of the baseline, stored as the appliance's repository stores them but in plaintext: a
 * write is one transaction that locks the existing row (if any), inserts the new segment rows,
 * deletes the replaced ones and writes the document row through JPA; a read is one read-only
 * snapshot transaction that finds the row and pages through its segments.
 */
final class BaselineDocumentStore {
  private static final byte[] NO_HEADER = new byte[0];

  private final BaselineDatabase db;

  BaselineDocumentStore(BaselineDatabase db) {
    this.db = db;
  }

  /**
   * What a write stored.
   *
   * @param revision 1 for a new document, one more than before for a replaced one
   */
  record Stored(String documentId, long size, int segments, long revision) {}

  /** Creates or replaces a document with the whole body. */
  Stored write(String documentId, String contentType, InputStream body)
      throws IOException, SQLException {
    EntityManager em = db.entityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      Optional<BaselineDocumentEntity> existing = find(em, documentId, true);
      Connection c = em.unwrap(Connection.class);
      UUID objectId = UUID.randomUUID();
      SegmentTable.Written written = SegmentTable.insert(c, objectId, db.residency(), body);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      BaselineDocumentEntity e;
      if (existing.isPresent()) {
        e = existing.get();
        SegmentTable.delete(c, e.objectId);
        e.revision++;
      } else {
        e = new BaselineDocumentEntity();
        e.id = UUID.randomUUID();
        e.collectionId = db.collectionId();
        e.documentId = documentId;
        e.residency = db.residency();
        e.createdAt = now;
        e.revision = 1;
        e.dekVersion = 1;
        e.indexKeyVersion = 1;
        e.header = NO_HEADER;
      }
      e.objectId = objectId;
      e.contentType = contentType;
      e.size = written.size();
      e.segmentCount = written.segments();
      e.updatedAt = now;
      if (existing.isEmpty()) {
        em.persist(e);
      }
      em.flush();
      tx.commit();
      return new Stored(documentId, e.size, e.segmentCount, e.revision);
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  /** The document opened for reading, or empty; close what is returned. */
  Optional<OpenDocument> open(String documentId) throws SQLException {
    EntityManager em = db.entityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      Connection c = em.unwrap(Connection.class);
      SegmentTable.snapshot(c);
      Optional<BaselineDocumentEntity> e = find(em, documentId, false);
      if (e.isPresent()) {
        return Optional.of(new OpenDocument(em, tx, c, e.get()));
      }
    } catch (SQLException | RuntimeException x) {
      release(em, tx);
      throw x;
    }
    release(em, tx);
    return Optional.empty();
  }

  /** A document being read, inside its snapshot transaction. */
  static final class OpenDocument implements AutoCloseable {
    private final EntityManager em;
    private final EntityTransaction tx;
    private final Connection connection;
    private final BaselineDocumentEntity row;

    private OpenDocument(
        EntityManager em, EntityTransaction tx, Connection connection, BaselineDocumentEntity row) {
      this.em = em;
      this.tx = tx;
      this.connection = connection;
      this.row = row;
    }

    long size() {
      return row.size;
    }

    String contentType() {
      return row.contentType;
    }

    long revision() {
      return row.revision;
    }

    /** Writes the content to {@code out}. */
    void copyTo(OutputStream out) throws IOException, SQLException {
      long copied = SegmentTable.copy(connection, row.objectId, out);
      if (copied != row.size) {
        throw new IOException("stored " + row.size + " bytes, read " + copied);
      }
    }

    @Override
    public void close() {
      release(em, tx);
    }
  }

  private Optional<BaselineDocumentEntity> find(EntityManager em, String documentId, boolean lock) {
    var query =
        em.createQuery(
                "SELECT d FROM BaselineDocumentEntity d"
                    + " WHERE d.collectionId = :c AND d.documentId = :d",
                BaselineDocumentEntity.class)
            .setParameter("c", db.collectionId())
            .setParameter("d", documentId);
    if (lock) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return query.getResultStream().findFirst();
  }

  private static void release(EntityManager em, EntityTransaction tx) {
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
