package com.sovereignstamp.appliance.storage;

import java.time.Instant;
import java.util.List;

/**
 * A document's metadata as a client sees it, decrypted.
 *
 * @param name the name given at upload, or null
 * @param hasDataSubject whether a data-subject id was given (it is stored only as a keyed hash)
 */
public record DocumentMetadata(
    String collection,
    String id,
    String name,
    String contentType,
    long size,
    List<String> labels,
    boolean hasDataSubject,
    Instant createdAt,
    Instant updatedAt,
    long revision,
    int dekVersion,
    String cmkKeyId,
    int segments) {

  /** Never the name or labels: personal data must not reach a log or a message. */
  @Override
  public String toString() {
    return "DocumentMetadata["
        + collection
        + "/"
        + id
        + ", revision "
        + revision
        + ", "
        + size
        + " bytes]";
  }
}
