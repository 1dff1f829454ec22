package com.sovereignstamp.audit.canonical;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into the {@link JsonValue} model.
 *
 * <p>Rejects, beyond the grammar itself: malformed UTF-8 (including a byte order mark, encoded
 * surrogates and overlong forms), duplicate member names, lone surrogates written as escapes,
 * numbers too large for a double, and nesting deeper than {@value #MAX_DEPTH}.
 */
final class JsonParser {

  /** Deepest nesting of arrays and objects accepted; bounds the recursion on hostile input. */
  static final int MAX_DEPTH = 512;

  private final String text;
  private int pos;

  private JsonParser(String text) {
    this.text = text;
  }

  /**
   * Parses a complete JSON text.
   *
   * @param utf8 the text as UTF-8
   * @return the value
   * @throws JsonParseException if the input is not a strict JSON text
   */
  static JsonValue parse(byte[] utf8) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw new JsonParseException("input is not well-formed UTF-8: " + e.getMessage(), -1);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw new JsonParseException("byte order mark is not allowed", 0);
    }
    JsonParser parser = new JsonParser(text);
    parser.skipWhitespace();
    JsonValue value = parser.value(0);
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected data after the JSON value");
    }
    return value;
  }

  private JsonValue value(int depth) {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> new JsonString(string());
      case 't' -> literal("true", JsonBoolean.TRUE);
      case 'f' -> literal("false", JsonBoolean.FALSE);
      case 'n' -> literal("null", JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character " + describe(c) + ", expected a value");
      }
    };
  }

  private JsonObject object(int depth) {
    checkDepth(depth);
    pos++; // '{'
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return new JsonObject(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      int nameStart = pos;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      JsonValue value = value(depth);
      if (members.putIfAbsent(name, value) != null) {
        throw new JsonParseException("duplicate member name \"" + name + "\"", nameStart);
      }
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        return new JsonObject(members);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' in object");
      }
    }
  }

  private JsonArray array(int depth) {
    checkDepth(depth);
    pos++; // '['
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new JsonArray(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth));
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        return new JsonArray(elements);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' in array");
      }
    }
  }

  private String string() {
    int start = pos;
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new JsonParseException("unterminated string", start);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c < 0x20) {
        throw error("control character " + describe(c) + " must be escaped in a string");
      }
      if (c != '\\') {
        sb.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= text.length()) {
        throw new JsonParseException("unterminated string", start);
      }
      char e = text.charAt(pos + 1);
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '/' -> sb.append('/');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append(hex4(pos + 2));
          pos += 4;
        }
        default -> throw error("invalid escape \\" + describe(e));
      }
      pos += 2;
    }
    int lone = Utf16.firstLoneSurrogate(sb);
    if (lone >= 0) {
      throw new JsonParseException(
          String.format("string has a lone surrogate U+%04X", (int) sb.charAt(lone)), start);
    }
    return sb.toString();
  }

  private char hex4(int at) {
    if (at + 4 > text.length()) {
      throw new JsonParseException("truncated \\u escape", at - 2);
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = hexDigit(text.charAt(i));
      if (d < 0) {
        throw new JsonParseException("invalid hex digit in \\u escape", i);
      }
      v = (v << 4) | d;
    }
    return (char) v;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private JsonNumber number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("leading zeros are not allowed");
      }
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after the decimal point");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      digits();
    }
    String literal = text.substring(start, pos);
    double value = Double.parseDouble(literal);
    if (!Double.isFinite(value)) {
      throw new JsonParseException("number " + literal + " is too large for a double", start);
    }
    return new JsonNumber(value);
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonValue literal(String word, JsonValue value) {
    if (!text.startsWith(word, pos)) {
      throw error("invalid literal, expected " + word);
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** Returns the current char, or NUL at the end of input (NUL is never valid there anyway). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
  }

  private JsonParseException error(String message) {
    if (pos >= text.length()) {
      return new JsonParseException(message + " (end of input)", pos);
    }
    return new JsonParseException(message, pos);
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
