package com.sovereignstamp.audit.canonical;

/**
 * A JSON {@code true} or {@code false}.
 *
 * @param value the truth value
 */
public record JsonBoolean(boolean value) implements JsonValue {

  /** The value {@code true}. */
  public static final JsonBoolean TRUE = new JsonBoolean(true);

  /** The value {@code false}. */
  public static final JsonBoolean FALSE = new JsonBoolean(false);

  /**
   * Returns the shared instance for a truth value.
   *
   * @param value the truth value
   * @return {@link #TRUE} or {@link #FALSE}
   */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
