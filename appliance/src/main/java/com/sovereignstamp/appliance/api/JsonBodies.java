package com.sovereignstamp.appliance.api;

import static com.sovereignstamp.appliance.api.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads small JSON request bodies strictly: one object, bounded size, typed fields. */
final class JsonBodies {
  static final int MAX_BYTES = 64 * 1024;

  private JsonBodies() {}

  static JsonObject object(InputStream body) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ProblemException(ProblemType.INCOMPLETE_UPLOAD, "the body could not be read");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ProblemException(
          ProblemType.CONTENT_TOO_LARGE, "a JSON body is limited to " + MAX_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      throw new ProblemException(ProblemType.INVALID_JSON, "the body is empty");
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      JsonValue v = reader.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new ProblemException(ProblemType.INVALID_JSON, "the body must be a JSON object");
      }
      return v.asJsonObject();
    } catch (JsonParsingException e) {
      throw new ProblemException(
          ProblemType.INVALID_JSON,
          "not valid JSON at line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber());
    } catch (jakarta.json.JsonException e) {
      throw new ProblemException(ProblemType.INVALID_JSON, "not valid JSON");
    }
  }

  /** A required string field. */
  static String string(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, field + " is required");
    }
    if (!(v instanceof JsonString s)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, field + " must be a string");
    }
    return s.getString();
  }
}
