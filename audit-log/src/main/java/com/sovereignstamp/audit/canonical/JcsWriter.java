package com.sovereignstamp.audit.canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a {@link JsonValue} in RFC 8785 canonical form. */
final class JcsWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder(256);

  private JcsWriter() {}

  /**
   * Returns the canonical text of a value; its UTF-8 encoding is the canonical form.
   *
   * @param value the value
   * @return the canonical text, well-formed UTF-16
   */
  static String write(JsonValue value) {
    JcsWriter writer = new JcsWriter();
    writer.value(value);
    return writer.out.toString();
  }

  private void value(JsonValue value) {
    if (value instanceof JsonObject object) {
      object(object.members());
    } else if (value instanceof JsonArray array) {
      array(array.elements());
    } else if (value instanceof JsonString string) {
      string(string.value());
    } else if (value instanceof JsonNumber number) {
      out.append(EcmaScriptNumbers.format(number.value()));
    } else if (value instanceof JsonBoolean bool) {
      out.append(bool.value() ? "true" : "false");
    } else if (value instanceof JsonNull) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value);
    }
  }

  private void object(Map<String, JsonValue> members) {
    // String's natural order compares UTF-16 code units, which is exactly RFC 8785 §3.2.3.
    List<String> names = new ArrayList<>(members.keySet());
    names.sort(null);
    out.append('{');
    boolean first = true;
    for (String name : names) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(name);
      out.append(':');
      value(members.get(name));
    }
    out.append('}');
  }

  private void array(List<JsonValue> elements) {
    out.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      value(elements.get(i));
    }
    out.append(']');
  }

  /** Escapes as ECMAScript's JSON.stringify (QuoteJSONString) does. */
  private void string(String s) {
    Utf16.requireWellFormed(s, "string");
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
