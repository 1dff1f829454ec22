package com.sovereignstamp.appliance.storage;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Stored documents and their segments. */
public interface DocumentRepository {
  Optional<StoredDocument> find(UUID collectionId, String documentId);

  /**
   * The document's row and, if it has at most {@code maxSegments} segments, all of them in index
   * order, read in one transaction (one snapshot on PostgreSQL).
   */
  Optional<DocumentSnapshot> read(UUID collectionId, String documentId, int maxSegments);

  /**
   * Creates or replaces a document in one transaction: the writer's segments under a new object id,
   * then the row from {@code row} (given what was written), the old object's segments deleted, then
   * {@code beforeCommit} with the new row. Any exception rolls everything back and is rethrown. An
   * existing document is locked for the duration.
   *
   * @throws DocumentConflictException if another write created the document meanwhile
   * @throws StorageUnavailableException if the database failed
   */
  StoredDocument write(
      UUID collectionId,
      String documentId,
      DocumentRow row,
      ContentWriter writer,
      Consumer<StoredDocument> beforeCommit)
      throws IOException;

  /**
   * Deletes a document and its segments in one transaction, calling {@code beforeCommit} with the
   * deleted row before committing; false if there was none.
   */
  boolean delete(UUID collectionId, String documentId, Consumer<StoredDocument> beforeCommit);

  /** Documents with ids after {@code afterId} (null: from the start), by id. */
  DocumentPage<StoredDocument> list(UUID collectionId, String afterId, int limit);

  /** The object's segments in index order. Close it. */
  SegmentCursor segments(UUID objectId);

  /** The row fields the writer does not produce. */
  interface DocumentRow {
    StoredDocument complete(UUID objectId, WrittenContent content, StoredDocument previous);
  }
}
