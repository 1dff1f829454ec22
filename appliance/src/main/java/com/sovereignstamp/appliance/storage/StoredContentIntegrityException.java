package com.sovereignstamp.appliance.storage;

/**
 * Stored content or metadata failed its integrity check (changed, moved, reordered or truncated
 * ciphertext). Already audited with its detail; the client learns only that it happened.
 */
public final class StoredContentIntegrityException extends RuntimeException {
  public StoredContentIntegrityException(String collection, String documentId) {
    super("integrity failure in collection " + collection + ", document " + documentId);
  }
}
