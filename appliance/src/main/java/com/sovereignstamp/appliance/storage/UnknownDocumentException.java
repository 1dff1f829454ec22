package com.sovereignstamp.appliance.storage;

/** No document of that id in the collection. */
public final class UnknownDocumentException extends RuntimeException {
  public UnknownDocumentException(String collection, String id) {
    super("no document " + id + " in collection " + collection);
  }
}
