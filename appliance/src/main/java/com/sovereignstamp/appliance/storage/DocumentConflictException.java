package com.sovereignstamp.appliance.storage;

/** Another write created the same document at the same time; this one was rolled back. */
public final class DocumentConflictException extends RuntimeException {
  public DocumentConflictException(String id) {
    super("document " + id + " was written concurrently");
  }
}
