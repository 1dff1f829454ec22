package com.sovereignstamp.appliance.audit;

/** The audit log did not take an event: the operation that needed it fails. */
public final class AuditUnavailableException extends RuntimeException {
  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
