package com.sovereignstamp.appliance.api;

/** Ends a request with a problem of the given type; the detail is shown to the client. */
public final class ProblemException extends RuntimeException {
  private final ProblemType type;

  public ProblemException(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }
}
