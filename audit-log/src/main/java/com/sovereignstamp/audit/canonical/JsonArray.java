package com.sovereignstamp.audit.canonical;

import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements in order; copied, none may be {@code null}
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

  /** Copies the elements into an immutable list. */
  public JsonArray {
    elements = List.copyOf(elements);
  }
}
