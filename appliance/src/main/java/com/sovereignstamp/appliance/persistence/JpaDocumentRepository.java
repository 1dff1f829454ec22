package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.storage.ContentWriter;
import com.sovereignstamp.appliance.storage.DocumentConflictException;
import com.sovereignstamp.appliance.storage.DocumentPage;
import com.sovereignstamp.appliance.storage.DocumentRepository;
import com.sovereignstamp.appliance.storage.DocumentSnapshot;
import com.sovereignstamp.appliance.storage.SegmentCursor;
import com.sovereignstamp.appliance.storage.StorageUnavailableException;
import com.sovereignstamp.appliance.storage.StoredDocument;
import com.sovereignstamp.appliance.storage.WrittenContent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Documents in {@code stamp_document} (JPA) and their content in {@code stamp_segment} (JDBC on the
 * same transaction's connection): a write, its segments and the removal of the replaced content
 * commit together or not at all.
 */
public final class JpaDocumentRepository implements DocumentRepository {
  private static final HexFormat HEX = HexFormat.of();

  private final ApplianceDatabase db;
  private final String residency;

  public JpaDocumentRepository(ApplianceDatabase db, String residency) {
    this.db = db;
    this.residency = residency;
  }

  @Override
  public Optional<StoredDocument> find(UUID collectionId, String documentId) {
    return db.inTransaction(em -> entity(em, collectionId, documentId, false).map(this::toDomain));
  }

  @Override
  public Optional<DocumentSnapshot> read(UUID collectionId, String documentId, int maxSegments) {
    return db.inTransaction(
        em -> {
          try {
            SegmentRows.snapshot(em.unwrap(Connection.class));
            Optional<StoredDocument> d =
                entity(em, collectionId, documentId, false).map(this::toDomain);
            if (d.isEmpty() || d.get().segmentCount() > maxSegments) {
              return d.map(x -> new DocumentSnapshot(x, null));
            }
            List<byte[]> segments =
                SegmentRows.all(em.unwrap(Connection.class), d.get().objectId(), maxSegments);
            return Optional.of(new DocumentSnapshot(d.get(), segments));
          } catch (SQLException e) {
            throw unavailable(e);
          }
        });
  }

  @Override
  public StoredDocument write(
      UUID collectionId,
      String documentId,
      DocumentRow row,
      ContentWriter writer,
      Consumer<StoredDocument> beforeCommit)
      throws IOException {
    EntityManager em = db.entityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      Optional<DocumentEntity> existing = entity(em, collectionId, documentId, true);
      Connection c = em.unwrap(Connection.class);
      UUID objectId = UUID.randomUUID();
      WrittenContent written;
      try (SegmentRows.Inserter inserter = new SegmentRows.Inserter(c, objectId, residency)) {
        written =
            writer.write(
                (index, ciphertext) -> {
                  try {
                    inserter.add(index, ciphertext);
                  } catch (SQLException e) {
                    throw unavailable(e);
                  }
                });
        inserter.finish();
      }
      StoredDocument previous = existing.map(this::toDomain).orElse(null);
      StoredDocument stored = row.complete(objectId, written, previous);
      DocumentEntity e = existing.orElseGet(DocumentEntity::new);
      if (previous != null) {
        SegmentRows.deleteObject(c, previous.objectId());
      } else {
        e.id = UUID.randomUUID();
        e.collectionId = stored.collectionId();
        e.documentId = stored.documentId();
        e.residency = residency;
      }
      fill(e, stored);
      if (previous == null) {
        em.persist(e);
      }
      em.flush();
      beforeCommit.accept(stored);
      tx.commit();
      return stored;
    } catch (SQLException e) {
      throw unavailable(e);
    } catch (PersistenceException e) {
      if (existingAfterFailure(collectionId, documentId)) {
        throw new DocumentConflictException(documentId);
      }
      throw new StorageUnavailableException("the document could not be stored", e);
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  @Override
  public boolean delete(
      UUID collectionId, String documentId, Consumer<StoredDocument> beforeCommit) {
    return db.inTransaction(
        em -> {
          Optional<DocumentEntity> e = entity(em, collectionId, documentId, true);
          if (e.isEmpty()) {
            return false;
          }
          StoredDocument d = toDomain(e.get());
          try {
            SegmentRows.deleteObject(em.unwrap(Connection.class), d.objectId());
          } catch (SQLException x) {
            throw unavailable(x);
          }
          em.remove(e.get());
          em.flush();
          beforeCommit.accept(d);
          return true;
        });
  }

  @Override
  public DocumentPage<StoredDocument> list(UUID collectionId, String afterId, int limit) {
    return db.inTransaction(
        em -> {
          List<DocumentEntity> rows =
              em.createQuery(
                      "SELECT d FROM DocumentEntity d WHERE d.collectionId = :c"
                          + " AND d.documentId > :after ORDER BY d.documentId",
                      DocumentEntity.class)
                  .setParameter("c", collectionId)
                  .setParameter("after", afterId == null ? "" : afterId)
                  .setMaxResults(limit + 1)
                  .getResultList();
          boolean more = rows.size() > limit;
          List<StoredDocument> items =
              rows.subList(0, Math.min(limit, rows.size())).stream().map(this::toDomain).toList();
          return new DocumentPage<>(items, more ? items.get(items.size() - 1).documentId() : null);
        });
  }

  @Override
  public SegmentCursor segments(UUID objectId) {
    return new JdbcSegmentCursor(db.entityManager(), objectId);
  }

  private static Optional<DocumentEntity> entity(
      EntityManager em, UUID collectionId, String documentId, boolean lock) {
    var query =
        em.createQuery(
                "SELECT d FROM DocumentEntity d WHERE d.collectionId = :c AND d.documentId = :d",
                DocumentEntity.class)
            .setParameter("c", collectionId)
            .setParameter("d", documentId);
    if (lock) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return query.getResultStream().findFirst();
  }

  private static void fill(DocumentEntity e, StoredDocument d) {
    e.objectId = d.objectId();
    e.contentType = d.contentType();
    e.size = d.size();
    e.segmentCount = d.segmentCount();
    e.header = d.header();
    e.nameBlob = d.nameBlob();
    e.labelsBlob = d.labelsBlob();
    e.subjectHash = d.subjectHash() == null ? null : HEX.formatHex(d.subjectHash());
    e.dekVersion = d.dekVersion();
    e.indexKeyVersion = d.indexKeyVersion();
    e.createdAt = d.createdAt().atOffset(ZoneOffset.UTC);
    e.updatedAt = d.updatedAt().atOffset(ZoneOffset.UTC);
    e.revision = d.revision();
  }

  private StoredDocument toDomain(DocumentEntity e) {
    return new StoredDocument(
        e.collectionId,
        e.documentId,
        e.objectId,
        e.contentType,
        e.size,
        e.segmentCount,
        e.header,
        e.nameBlob,
        e.labelsBlob,
        e.subjectHash == null ? null : HEX.parseHex(e.subjectHash),
        e.dekVersion,
        e.indexKeyVersion,
        e.createdAt.toInstant(),
        e.updatedAt.toInstant(),
        e.revision);
  }

  private boolean existingAfterFailure(UUID collectionId, String documentId) {
    try {
      return find(collectionId, documentId).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static StorageUnavailableException unavailable(SQLException e) {
    return new StorageUnavailableException(
        "database operation failed (SQL state " + e.getSQLState() + ")", e);
  }
}
