package com.sovereignstamp.format;

import java.util.Optional;

/**
 * A stored object failed to authenticate: a wrong key or context, or a changed, missing, extra,
 * reordered or truncated header or segment. Deliberately says nothing about which check failed (no
 * cause, one fixed message); callers map it to the {@code integrity-failure} problem type.
 */
public final class IntegrityFailureException extends RuntimeException {
  private final String documentId;

  IntegrityFailureException(String documentId) {
    super("integrity check failed", null, false, false);
    this.documentId = documentId;
  }

  /** The document being read, when known. */
  public Optional<String> documentId() {
    return Optional.ofNullable(documentId);
  }
}
