package com.sovereignstamp.appliance.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A copy of an exception for a log: its class name, stack trace, causes and suppressed exceptions
 * as they were, every message redacted by {@link LogRedactor}. It prints as the original would
 * ({@code com.example.SomeException: message}, then {@code Caused by: …}).
 */
final class RedactedThrowable extends Throwable {
  private static final long serialVersionUID = 1L;

  /** What the original's {@code toString()} said, redacted. */
  private final String description;

  private RedactedThrowable(String description, String message) {
    super(message);
    this.description = description;
  }

  /**
   * The exception itself if nothing in it, its causes or suppressed exceptions needs redacting;
   * else a redacted copy.
   */
  static Throwable of(Throwable thrown) {
    if (!needsRedaction(thrown, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return thrown;
    }
    return copy(thrown, new IdentityHashMap<>());
  }

  private static boolean needsRedaction(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    String description = describe(t);
    String message = t.getMessage();
    if (!description.equals(LogRedactor.redact(description))
        || message != null && !message.equals(LogRedactor.redact(message))) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (needsRedaction(s, seen)) {
        return true;
      }
    }
    return needsRedaction(t.getCause(), seen);
  }

  private static Throwable copy(Throwable t, Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(t);
    if (done != null) {
      return done;
    }
    RedactedThrowable c =
        new RedactedThrowable(LogRedactor.redact(describe(t)), LogRedactor.redact(t.getMessage()));
    copies.put(t, c);
    c.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause();
    if (cause != null && cause != t) {
      c.initCause(copy(cause, copies));
    }
    for (Throwable s : t.getSuppressed()) {
      Throwable sc = copy(s, copies);
      if (sc != c) {
        c.addSuppressed(sc);
      }
    }
    return c;
  }

  private static String describe(Throwable t) {
    try {
      return t.toString();
    } catch (RuntimeException e) {
      return t.getClass().getName();
    }
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the original's trace is set instead
  }

  @Override
  public String toString() {
    return description;
  }
}
