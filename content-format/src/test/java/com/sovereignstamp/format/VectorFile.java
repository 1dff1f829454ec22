package com.sovereignstamp.format;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** format-v1-vectors.json, read with JSON-P. */
final class VectorFile {
  static final String RESOURCE = "/format-v1-vectors.json";
  private static final HexFormat HEX = HexFormat.of();

  record Slot(String type, int typeCode, int version, byte[] keyId, byte[] key) {}

  record Positive(
      String name,
      String purpose,
      IndependentImplementation.Context context,
      List<Slot> slots,
      byte[] salt,
      byte[] noncePrefix,
      byte[] plaintext,
      byte[] hkdfInfo,
      byte[] objectKey,
      byte[] aad,
      byte[] header,
      List<byte[]> segments) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Negative(String name, String base, JsonObject mutation) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Wrap(String label, CollectionScope scope, int version, String cmkKeyId, byte[] aad) {}

  record Index(CollectionScope scope, byte[] indexKey, byte[] subjectId, byte[] index) {}

  final Map<String, Positive> positives = new LinkedHashMap<>();
  final List<Negative> negatives = new ArrayList<>();
  final List<Wrap> wraps = new ArrayList<>();
  final List<Index> indexes = new ArrayList<>();

  static VectorFile load() {
    try (InputStream in = VectorFile.class.getResourceAsStream(RESOURCE);
        JsonReader r = Json.createReader(in)) {
      return new VectorFile(r.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private VectorFile(JsonObject root) {
    for (JsonValue v : root.getJsonArray("positive")) {
      Positive p = positive(v.asJsonObject());
      positives.put(p.name(), p);
    }
    for (JsonValue v : root.getJsonArray("negative")) {
      JsonObject o = v.asJsonObject();
      negatives.add(
          new Negative(o.getString("name"), o.getString("base"), o.getJsonObject("mutation")));
    }
    for (JsonValue v : root.getJsonArray("wrapContexts")) {
      JsonObject o = v.asJsonObject();
      wraps.add(
          new Wrap(
              o.getString("label"),
              scope(o),
              o.getInt("version"),
              o.getString("cmkKeyId"),
              hex(o, "aad")));
    }
    for (JsonValue v : root.getJsonArray("blindIndexes")) {
      JsonObject o = v.asJsonObject();
      indexes.add(new Index(scope(o), hex(o, "indexKey"), hex(o, "subjectIdHex"), hex(o, "index")));
    }
  }

  private static Positive positive(JsonObject o) {
    JsonObject c = o.getJsonObject("context");
    List<Slot> slots = new ArrayList<>();
    for (JsonValue s : o.getJsonArray("slots")) {
      JsonObject so = s.asJsonObject();
      slots.add(
          new Slot(
              so.getString("type"),
              so.getInt("typeCode"),
              so.getInt("version"),
              hex(so, "keyId"),
              hex(so, "key")));
    }
    List<byte[]> segments = new ArrayList<>();
    JsonArray segs = o.getJsonArray("segments");
    for (int i = 0; i < segs.size(); i++) {
      segments.add(HEX.parseHex(segs.getString(i)));
    }
    byte[] plaintext =
        o.containsKey("plaintext")
            ? hex(o, "plaintext")
            : pattern(o.getJsonNumber("plaintextLength").intValueExact());
    return new Positive(
        o.getString("name"),
        o.getString("purpose"),
        new IndependentImplementation.Context(
            c.getString("stampId"),
            c.getString("region"),
            c.getString("collection"),
            c.getString("documentId")),
        slots,
        hex(o, "salt"),
        hex(o, "noncePrefix"),
        plaintext,
        hex(o, "hkdfInfo"),
        hex(o, "objectKey"),
        hex(o, "aad"),
        hex(o, "header"),
        segments);
  }

  private static CollectionScope scope(JsonObject o) {
    return new CollectionScope(
        o.getString("stampId"), o.getString("region"), o.getString("collection"));
  }

  static byte[] hex(JsonObject o, String field) {
    return HEX.parseHex(o.getString(field));
  }

  /** The plaintext of vectors that give only a length: byte j is j mod 251. */
  static byte[] pattern(int length) {
    byte[] p = new byte[length];
    for (int j = 0; j < length; j++) {
      p[j] = (byte) (j % 251);
    }
    return p;
  }
}
