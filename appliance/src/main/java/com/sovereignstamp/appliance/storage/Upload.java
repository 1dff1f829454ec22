package com.sovereignstamp.appliance.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * What a client sends to store a document.
 *
 * @param name optional document name (stored encrypted)
 * @param labels labels (stored encrypted), possibly empty
 * @param dataSubject optional data-subject id (stored only as a keyed hash)
 */
public record Upload(
    String collection,
    String documentId,
    String contentType,
    String name,
    List<String> labels,
    String dataSubject,
    InputStream content) {
  public Upload {
    Objects.requireNonNull(contentType, "contentType");
    labels = labels == null ? List.of() : List.copyOf(labels);
    Objects.requireNonNull(content, "content");
  }

  /** Never the name, labels or data subject: personal data must not reach a log or a message. */
  @Override
  public String toString() {
    return "Upload[" + collection + "/" + documentId + ", " + contentType + "]";
  }
}
