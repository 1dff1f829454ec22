package com.sovereignstamp.bridge.audit;

/**
 * The trail could not record something. Unchecked so that it ends the caller's operation: a call
 * that is not recorded is not answered.
 */
public final class AuditUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
