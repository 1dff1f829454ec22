package com.sovereignstamp.audit.canonical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The RFC 8785 JSON Canonicalization Scheme for audit-log entries: builders, the canonical
 * serializer and a strict parser for verification.
 *
 * <pre>{@code
 * JsonObject entry = CanonicalJson.object()
 *     .put("event", "xks.call")
 *     .put("latencyMicros", 123)
 *     .put("ok", true)
 *     .build();
 * byte[] leaf = CanonicalJson.serialize(entry); // {"event":"xks.call","latencyMicros":123,"ok":true}
 * }</pre>
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /**
   * Starts an object.
   *
   * @return an empty builder
   */
  public static ObjectBuilder object() {
    return new ObjectBuilder();
  }

  /**
   * Starts an array.
   *
   * @return an empty builder
   */
  public static ArrayBuilder array() {
    return new ArrayBuilder();
  }

  /**
   * Serializes a value in RFC 8785 canonical form.
   *
   * @param value the value
   * @return the canonical UTF-8 bytes
   */
  public static byte[] serialize(JsonValue value) {
    return serializeToString(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the canonical form as a string, for logs and tests; {@link #serialize(JsonValue)} is
   * its UTF-8 encoding.
   *
   * @param value the value
   * @return the canonical text
   */
  public static String serializeToString(JsonValue value) {
    return JcsWriter.write(Objects.requireNonNull(value, "value"));
  }

  /**
   * Parses a strict RFC 8259 JSON text. Numbers become doubles.
   *
   * <p>Rejected: malformed UTF-8 or a byte order mark, anything after the value but whitespace,
   * duplicate member names, invalid escapes, lone surrogates, leading zeros, unescaped control
   * characters, numbers too large for a double, nesting deeper than 512.
   *
   * @param utf8 the JSON text as UTF-8
   * @return the value
   * @throws JsonParseException if the input is not such a text
   */
  public static JsonValue parse(byte[] utf8) {
    return JsonParser.parse(Objects.requireNonNull(utf8, "utf8"));
  }

  /**
   * Tells whether bytes are a JSON text in RFC 8785 canonical form: they parse, and serializing the
   * result gives exactly them back.
   *
   * @param utf8 the candidate bytes
   * @return {@code true} if canonical; {@code false} if not canonical or not valid JSON
   */
  public static boolean isCanonical(byte[] utf8) {
    JsonValue value;
    try {
      value = parse(utf8);
    } catch (JsonParseException e) {
      return false;
    }
    return Arrays.equals(serialize(value), utf8);
  }

  /** Builds a {@link JsonObject}; rejects a member name given twice. Not thread-safe. */
  public static final class ObjectBuilder {

    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    private ObjectBuilder() {}

    /**
     * Adds a member.
     *
     * @param name the member name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is already present or is not well-formed
     *     UTF-16
     */
    public ObjectBuilder put(String name, JsonValue value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, () -> "value of member " + name);
      Utf16.requireWellFormed(name, "member name");
      if (members.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("duplicate member name \"" + name + "\"");
      }
      return this;
    }

    /**
     * Adds a string member.
     *
     * @param name the member name
     * @param value the text, not {@code null} (use {@link #putNull(String)})
     * @return this builder
     */
    public ObjectBuilder put(String name, String value) {
      return put(name, new JsonString(Objects.requireNonNull(value, () -> "value of " + name)));
    }

    /**
     * Adds an integer member.
     *
     * @param name the member name
     * @param value an integer within {@code +/-2^53}
     * @return this builder
     * @throws IllegalArgumentException if the integer is outside {@code +/-2^53}
     */
    public ObjectBuilder put(String name, long value) {
      return put(name, JsonNumber.of(value));
    }

    /**
     * Adds a number member.
     *
     * @param name the member name
     * @param value a finite double
     * @return this builder
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public ObjectBuilder put(String name, double value) {
      return put(name, new JsonNumber(value));
    }

    /**
     * Adds a boolean member.
     *
     * @param name the member name
     * @param value the truth value
     * @return this builder
     */
    public ObjectBuilder put(String name, boolean value) {
      return put(name, JsonBoolean.of(value));
    }

    /**
     * Adds a nested object from its builder.
     *
     * @param name the member name
     * @param value the builder, built now
     * @return this builder
     */
    public ObjectBuilder put(String name, ObjectBuilder value) {
      return put(name, value.build());
    }

    /**
     * Adds a nested array from its builder.
     *
     * @param name the member name
     * @param value the builder, built now
     * @return this builder
     */
    public ObjectBuilder put(String name, ArrayBuilder value) {
      return put(name, value.build());
    }

    /**
     * Adds a {@code null} member.
     *
     * @param name the member name
     * @return this builder
     */
    public ObjectBuilder putNull(String name) {
      return put(name, JsonNull.INSTANCE);
    }

    /**
     * Returns the object built so far; the builder can go on being used.
     *
     * @return an immutable object
     */
    public JsonObject build() {
      return new JsonObject(members);
    }
  }

  /** Builds a {@link JsonArray}. Not thread-safe. */
  public static final class ArrayBuilder {

    private final List<JsonValue> elements = new ArrayList<>();

    private ArrayBuilder() {}

    /**
     * Appends a value.
     *
     * @param value the value
     * @return this builder
     */
    public ArrayBuilder add(JsonValue value) {
      elements.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Appends a string.
     *
     * @param value the text, not {@code null} (use {@link #addNull()})
     * @return this builder
     */
    public ArrayBuilder add(String value) {
      return add(new JsonString(Objects.requireNonNull(value, "value")));
    }

    /**
     * Appends an integer.
     *
     * @param value an integer within {@code +/-2^53}
     * @return this builder
     * @throws IllegalArgumentException if the integer is outside {@code +/-2^53}
     */
    public ArrayBuilder add(long value) {
      return add(JsonNumber.of(value));
    }

    /**
     * Appends a number.
     *
     * @param value a finite double
     * @return this builder
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public ArrayBuilder add(double value) {
      return add(new JsonNumber(value));
    }

    /**
     * Appends a boolean.
     *
     * @param value the truth value
     * @return this builder
     */
    public ArrayBuilder add(boolean value) {
      return add(JsonBoolean.of(value));
    }

    /**
     * Appends a nested object from its builder.
     *
     * @param value the builder, built now
     * @return this builder
     */
    public ArrayBuilder add(ObjectBuilder value) {
      return add(value.build());
    }

    /**
     * Appends a nested array from its builder.
     *
     * @param value the builder, built now
     * @return this builder
     */
    public ArrayBuilder add(ArrayBuilder value) {
      return add(value.build());
    }

    /**
     * Appends {@code null}.
     *
     * @return this builder
     */
    public ArrayBuilder addNull() {
      return add(JsonNull.INSTANCE);
    }

    /**
     * Returns the array built so far; the builder can go on being used.
     *
     * @return an immutable array
     */
    public JsonArray build() {
      return new JsonArray(elements);
    }
  }
}
