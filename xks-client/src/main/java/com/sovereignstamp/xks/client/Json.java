package com.sovereignstamp.xks.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** JSON-P reading and writing, with the API's Base64 fields, for one answer's HTTP status. */
final class Json {
  static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
  private static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());

  private Json() {}

  static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  static byte[] write(JsonObject object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonWriter writer = WRITERS.createWriter(out)) {
      writer.writeObject(object);
    }
    return out.toByteArray();
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The body as a JSON object, or a {@link XksException#MALFORMED_RESPONSE}. */
  static JsonObject read(int status, byte[] body) {
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw malformed(status, "the body is not a JSON object");
    }
  }

  static String string(int status, JsonObject o, String name) {
    String value = optionalString(status, o, name);
    if (value == null) {
      throw malformed(status, "missing " + name);
    }
    return value;
  }

  static String optionalString(int status, JsonObject o, String name) {
    JsonValue value = o.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonString s)) {
      throw malformed(status, name + " is not a string");
    }
    return s.getString();
  }

  static int integer(int status, JsonObject o, String name) {
    if (!(o.get(name) instanceof JsonNumber n) || !n.isIntegral()) {
      throw malformed(status, name + " is not an integer");
    }
    return n.intValue();
  }

  static List<JsonValue> array(int status, JsonObject o, String name) {
    if (!(o.get(name) instanceof JsonArray a)) {
      throw malformed(status, name + " is not an array");
    }
    return a;
  }

  static List<String> strings(int status, JsonObject o, String name) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : array(status, o, name)) {
      if (!(v instanceof JsonString s)) {
        throw malformed(status, name + " holds a value that is not a string");
      }
      out.add(s.getString());
    }
    return out;
  }

  static JsonObject object(int status, JsonValue value, String name) {
    if (!(value instanceof JsonObject o)) {
      throw malformed(status, name + " is not an object");
    }
    return o;
  }

  static byte[] bytes(int status, JsonObject o, String name) {
    byte[] value = optionalBytes(status, o, name);
    if (value == null) {
      throw malformed(status, "missing " + name);
    }
    return value;
  }

  static byte[] optionalBytes(int status, JsonObject o, String name) {
    String text = optionalString(status, o, name);
    try {
      return text == null ? null : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed(status, name + " is not standard Base64");
    }
  }

  static XksException malformed(int status, String why) {
    return new XksException(status, XksException.MALFORMED_RESPONSE, why);
  }
}
