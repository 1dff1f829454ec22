package com.sovereignstamp.audit.canonical;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the text; must be well-formed UTF-16, that is without lone surrogates, because such
 *     a string has no UTF-8 encoding and RFC 8785 treats it as an error
 */
public record JsonString(String value) implements JsonValue {

  /** Validates the text. */
  public JsonString {
    Objects.requireNonNull(value, "value");
    Utf16.requireWellFormed(value, "string");
  }
}
