package com.sovereignstamp.appliance.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A document's row: everything but its segments. Name and labels are ciphertext blobs (or null);
 * the data subject is a blind-index hash (or null).
 *
 * @param objectId the id of the current content object (its segment rows); new on every write
 * @param header the content's format header (key slots, salt, nonce prefix)
 */
public record StoredDocument(
    UUID collectionId,
    String documentId,
    UUID objectId,
    String contentType,
    long size,
    int segmentCount,
    byte[] header,
    byte[] nameBlob,
    byte[] labelsBlob,
    byte[] subjectHash,
    int dekVersion,
    int indexKeyVersion,
    Instant createdAt,
    Instant updatedAt,
    long revision) {}
