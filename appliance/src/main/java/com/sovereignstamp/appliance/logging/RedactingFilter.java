package com.sovereignstamp.appliance.logging;

import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A {@link Filter} for log handlers that lets every record through (unless the filter it wraps
 * drops it) after redacting it with {@link LogRedactor}: the message with its parameters filled in
 * (so that nothing escapes by being split between the two; the parameters are then dropped), and
 * the messages of the thrown exception, its causes and suppressed exceptions ({@link
 * RedactedThrowable}). The record is changed in place, before the handler formats it.
 *
 * <p>The appliance installs it on every handler at start ({@link RedactingHandlers}). A JVM can
 * also name it in {@code logging.properties} ({@code java.util.logging.ConsoleHandler.filter =
 * com.sovereignstamp.appliance.logging.RedactingFilter}) when the class is on its system class
 * path.
 */
public final class RedactingFilter implements Filter {
  /** Fills in a record's parameters the way every handler's formatter would. */
  private static final Formatter MESSAGE = new MessageOnly();

  private final Filter wrapped;

  /** For {@code logging.properties}: redacts and lets every record through. */
  public RedactingFilter() {
    this(null);
  }

  /**
   * @param wrapped the handler's filter before, asked first; null for none
   */
  public RedactingFilter(Filter wrapped) {
    this.wrapped = wrapped;
  }

  /** The filter this one wraps, if any. */
  public Optional<Filter> wrapped() {
    return Optional.ofNullable(wrapped);
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (wrapped != null && !wrapped.isLoggable(record)) {
      return false;
    }
    redact(record);
    return true;
  }

  /** Redacts the record in place. */
  public static void redact(LogRecord record) {
    Object[] parameters = record.getParameters();
    if (parameters != null && parameters.length > 0 || record.getResourceBundle() != null) {
      String message = MESSAGE.formatMessage(record);
      record.setResourceBundle(null);
      record.setResourceBundleName(null);
      record.setParameters(null);
      record.setMessage(LogRedactor.redact(message));
    } else {
      record.setMessage(LogRedactor.redact(record.getMessage()));
    }
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      record.setThrown(RedactedThrowable.of(thrown));
    }
  }

  private static final class MessageOnly extends Formatter {
    @Override
    public String format(LogRecord record) {
      return formatMessage(record);
    }
  }
}
