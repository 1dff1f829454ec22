package com.sovereignstamp.bridge.xks;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * The one JSON-P provider of the XKS layer, looked up once. {@code Json.createXxx} looks the
 * provider up through the service loader on every call, which in an application server's class
 * loader costs more than the rest of an XKS request.
 */
public final class XksJson {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private XksJson() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader reader(byte[] body) {
    return PROVIDER.createReader(new ByteArrayInputStream(body));
  }

  /** The UTF-8 bytes of a JSON object. */
  public static byte[] bytes(JsonObject object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonWriter w = PROVIDER.createWriter(out)) {
      w.writeObject(object);
    }
    return out.toByteArray();
  }
}
