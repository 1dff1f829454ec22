package com.sovereignstamp.appliance.storage;

/** A document's content is larger than this stamp accepts; nothing was stored. */
public final class ContentTooLargeException extends RuntimeException {
  private final long limit;

  public ContentTooLargeException(long limit) {
    super("content larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
