package com.sovereignstamp.appliance.storage;

/** A value a client sent breaks a rule; nothing was changed. */
public final class InvalidInputException extends RuntimeException {
  private final String field;

  public InvalidInputException(String field, String message) {
    super(field + " " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
