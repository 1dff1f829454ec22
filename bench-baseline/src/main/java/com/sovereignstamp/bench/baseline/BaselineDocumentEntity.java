package com.sovereignstamp.bench.baseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of {@code bench_document}, mapped like the appliance's {@code DocumentEntity}. The columns
 * that hold ciphertext in the appliance are written too, empty or null, so the rows are the same
 * kind.
 */
@Entity
@Table(name = "bench_document")
public class BaselineDocumentEntity {
  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "collection_id", nullable = false, updatable = false)
  UUID collectionId;

  @Column(name = "document_id", nullable = false, updatable = false)
  String documentId;

  @Column(name = "object_id", nullable = false)
  UUID objectId;

  @Column(name = "content_type", nullable = false)
  String contentType;

  @Column(name = "size_bytes", nullable = false)
  long size;

  @Column(name = "segment_count", nullable = false)
  int segmentCount;

  @Column(name = "header", nullable = false)
  byte[] header;

  @Column(name = "name_blob")
  byte[] nameBlob;

  @Column(name = "labels_blob")
  byte[] labelsBlob;

  @Column(name = "subject_hash")
  String subjectHash;

  @Column(name = "dek_version", nullable = false)
  int dekVersion;

  @Column(name = "index_key_version", nullable = false)
  int indexKeyVersion;

  @Column(name = "created_at", nullable = false)
  OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  OffsetDateTime updatedAt;

  @Column(name = "revision", nullable = false)
  long revision;

  @Column(name = "residency", nullable = false, updatable = false)
  String residency;
}
