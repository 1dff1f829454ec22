package com.sovereignstamp.audit.storage;

/**
 * An entry that could not be made durable. Unchecked on purpose: it propagates through the caller's
 * operation and fails it, rather than being caught and forgotten on the way.
 */
public final class AuditLogException extends RuntimeException {
  public AuditLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
