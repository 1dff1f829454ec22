package com.sovereignstamp.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes format-v1-vectors.json from the definitions below with the main implementation. Runs only
 * on request: {@code mvn -pl content-format test -Dtest=VectorFileWriter
 * -Dformat.vectors.out=src/test/resources/format-v1-vectors.json}. The vectors are then checked by
 * {@link FormatV1VectorsTest} against the independent implementation too; a vector file is never
 * regenerated to make a test pass.
 */
class VectorFileWriter {
  private static final HexFormat HEX = HexFormat.of();
  private static final int S = FormatV1.PLAINTEXT_SEGMENT_SIZE;

  static final byte[] DEK = seq(0x00);
  static final byte[] SUBJECT_KEY = seq(0x20);
  static final byte[] SECOND_KEY = seq(0x40);
  static final byte[] SUBJECT_KEY_ID = HEX.parseHex("5a5a5a5a00000000000000000000a001");
  static final byte[] SECOND_KEY_ID = HEX.parseHex("d0d0d0d000000000000000000000b002");

  record Def(
      String name,
      String description,
      String purpose,
      IndependentImplementation.Context context,
      String keys,
      byte[] plaintext,
      boolean literalPlaintext) {}

  static IndependentImplementation.Context ctx(String collection, String documentId) {
    return new IndependentImplementation.Context("stamp-7f3a", "eu-de", collection, documentId);
  }

  static List<Def> definitions() {
    List<Def> d = new ArrayList<>();
    d.add(
        new Def(
            "empty",
            "0 bytes: one segment holding only a tag",
            "content",
            ctx("contracts", "doc-0001"),
            "dek",
            new byte[0],
            true));
    d.add(
        new Def(
            "one-byte",
            "1 byte",
            "content",
            ctx("contracts", "doc-0001"),
            "dek",
            new byte[] {0x2a},
            true));
    d.add(
        new Def(
            "one-byte-other-document",
            "the same byte in another document",
            "content",
            ctx("contracts", "doc-0002"),
            "dek",
            new byte[] {0x2a},
            true));
    d.add(
        new Def(
            "one-full-segment",
            "exactly 65536 bytes: one full segment, flagged last",
            "content",
            ctx("contracts", "doc-0003"),
            "dek",
            VectorFile.pattern(S),
            false));
    d.add(
        new Def(
            "one-segment-plus-one-byte",
            "65537 bytes: a full segment and a 1-byte last segment",
            "content",
            ctx("contracts", "doc-0004"),
            "dek",
            VectorFile.pattern(S + 1),
            false));
    d.add(
        new Def(
            "three-segments",
            "2 x 65536 + 1000 bytes",
            "content",
            ctx("contracts", "doc-0005"),
            "dek",
            VectorFile.pattern(2 * S + 1000),
            false));
    d.add(
        new Def(
            "subject-key",
            "100 bytes under a subject key, non-ASCII collection name",
            "content",
            ctx("verträge", "doc-0006"),
            "subject",
            VectorFile.pattern(100),
            true));
    d.add(
        new Def(
            "double-key",
            "100 bytes under double-key encryption (DEK + second key)",
            "content",
            ctx("contracts", "doc-0007"),
            "dek+second",
            VectorFile.pattern(100),
            true));
    d.add(
        new Def(
            "name-metadata",
            "a document name, encrypted metadata (blob = header || segment 0)",
            "name",
            ctx("contracts", "doc-0001"),
            "dek",
            "Quarterly report Q3.pdf".getBytes(StandardCharsets.UTF_8),
            true));
    d.add(
        new Def(
            "labels-metadata",
            "a label set (Labels encoding), encrypted metadata",
            "labels",
            ctx("contracts", "doc-0001"),
            "dek",
            Labels.encode(List.of("confidential", "hr")),
            true));
    return d;
  }

  /**
   * Negative vectors: {name, base, mutation JSON}. Offsets are for one-slot headers unless noted.
   */
  static List<String[]> negatives() {
    List<String[]> n = new ArrayList<>();
    n.add(
        neg(
            "changed-document-id",
            "three-segments",
            "{\"type\":\"context\",\"field\":\"documentId\",\"value\":\"doc-0002\"}"));
    n.add(
        neg(
            "changed-region",
            "three-segments",
            "{\"type\":\"context\",\"field\":\"region\",\"value\":\"eu-fr\"}"));
    n.add(
        neg(
            "changed-collection",
            "three-segments",
            "{\"type\":\"context\",\"field\":\"collection\",\"value\":\"invoices\"}"));
    n.add(
        neg(
            "changed-stamp-id",
            "three-segments",
            "{\"type\":\"context\",\"field\":\"stampId\",\"value\":\"stamp-0000\"}"));
    n.add(
        neg(
            "changed-salt",
            "three-segments",
            "{\"type\":\"header-byte\",\"offset\":23,\"xor\":1}"));
    n.add(
        neg(
            "changed-nonce-prefix",
            "three-segments",
            "{\"type\":\"header-byte\",\"offset\":55,\"xor\":1}"));
    n.add(
        neg(
            "changed-dek-version",
            "three-segments",
            "{\"type\":\"header-byte\",\"offset\":6,\"xor\":1}"));
    n.add(
        neg(
            "changed-version-byte",
            "three-segments",
            "{\"type\":\"header-byte\",\"offset\":0,\"xor\":3}"));
    n.add(
        neg("swapped-segments", "three-segments", "{\"type\":\"swap-segments\",\"i\":0,\"j\":1}"));
    n.add(
        neg(
            "truncated-last-segment",
            "three-segments",
            "{\"type\":\"truncate-last-segment\",\"bytes\":1}"));
    n.add(neg("dropped-last-segment", "three-segments", "{\"type\":\"drop-segment\",\"index\":2}"));
    n.add(
        neg(
            "dropped-last-segment-of-two",
            "one-segment-plus-one-byte",
            "{\"type\":\"drop-segment\",\"index\":1}"));
    n.add(
        neg("dropped-first-segment", "three-segments", "{\"type\":\"drop-segment\",\"index\":0}"));
    n.add(neg("appended-segment", "three-segments", "{\"type\":\"append-copy-of-last-segment\"}"));
    n.add(
        neg(
            "appended-segment-after-full-last",
            "one-full-segment",
            "{\"type\":\"append-copy-of-last-segment\"}"));
    n.add(neg("no-segments", "empty", "{\"type\":\"drop-all-segments\"}"));
    n.add(
        neg(
            "flipped-ciphertext-byte",
            "three-segments",
            "{\"type\":\"segment-byte\",\"segment\":1,\"offset\":100,\"xor\":1}"));
    n.add(
        neg(
            "flipped-tag-byte",
            "three-segments",
            "{\"type\":\"segment-byte\",\"segment\":2,\"offset\":1015,\"xor\":128}"));
    n.add(
        neg(
            "segment-from-another-document",
            "one-byte",
            "{\"type\":\"segment-from\",\"vector\":\"one-byte-other-document\",\"segment\":0}"));
    n.add(neg("content-read-as-name", "one-byte", "{\"type\":\"purpose\",\"value\":\"name\"}"));
    n.add(
        neg("name-read-as-labels", "name-metadata", "{\"type\":\"purpose\",\"value\":\"labels\"}"));
    n.add(
        neg(
            "wrong-dek",
            "three-segments",
            "{\"type\":\"key-byte\",\"slot\":0,\"offset\":0,\"xor\":1}"));
    n.add(
        neg(
            "wrong-subject-key",
            "subject-key",
            "{\"type\":\"key-byte\",\"slot\":0,\"offset\":31,\"xor\":1}"));
    n.add(
        neg(
            "changed-subject-key-id",
            "subject-key",
            "{\"type\":\"header-byte\",\"offset\":22,\"xor\":1}"));
    n.add(
        neg(
            "wrong-second-key",
            "double-key",
            "{\"type\":\"key-byte\",\"slot\":1,\"offset\":0,\"xor\":1}"));
    n.add(neg("second-key-slot-removed", "double-key", "{\"type\":\"drop-second-slot\"}"));
    n.add(
        neg(
            "changed-second-key-version",
            "double-key",
            "{\"type\":\"header-byte\",\"offset\":27,\"xor\":2}"));
    return n;
  }

  private static String[] neg(String name, String base, String mutation) {
    return new String[] {name, base, mutation};
  }

  @Test
  @EnabledIfSystemProperty(named = "format.vectors.out", matches = ".+")
  void writeVectorFile() throws IOException {
    StringBuilder json = new StringBuilder();
    json.append("{\n");
    json.append(
            "  \"description\": \"Sovereign Stamp stored format, version 1: test vectors (docs/format.md). ")
        .append(
            "Keys, salts and nonce prefixes are fixed here; real writes draw salt and nonce prefix at random. ")
        .append(
            "A vector without 'plaintext' has plaintextLength bytes where byte j is j mod 251.\",\n");
    json.append("  \"version\": 1,\n  \"plaintextSegmentSize\": ").append(S).append(",\n");
    json.append("  \"positive\": [\n");
    List<String> items = new ArrayList<>();
    for (Def d : definitions()) {
      items.add(positive(d));
    }
    json.append(String.join(",\n", items)).append("\n  ],\n");
    json.append("  \"negative\": [\n");
    json.append(
        negatives().stream()
            .map(
                n ->
                    "    {\"name\": \""
                        + n[0]
                        + "\", \"base\": \""
                        + n[1]
                        + "\", \"mutation\": "
                        + n[2]
                        + "}")
            .collect(Collectors.joining(",\n")));
    json.append("\n  ],\n");
    json.append("  \"wrapContexts\": [\n").append(wraps()).append("\n  ],\n");
    json.append("  \"blindIndexes\": [\n").append(indexes()).append("\n  ]\n}\n");
    Files.writeString(
        Path.of(System.getProperty("format.vectors.out")), json, StandardCharsets.UTF_8);
  }

  private static String positive(Def d) {
    byte[] salt = Arrays.copyOf(sha256("salt:" + d.name()), FormatV1.SALT_SIZE);
    byte[] prefix = Arrays.copyOf(sha256("nonce-prefix:" + d.name()), FormatV1.NONCE_PREFIX_SIZE);
    ContentKeys keys = keys(d.keys());
    EncryptionContext c = VectorInputs.context(d.context());
    Purpose p = VectorInputs.purpose(d.purpose());
    Header header = new Header(keys.slots(), salt, prefix);
    byte[] objectKey;
    try (KeyMaterial k = ObjectKeys.derive(keys, header, c, p)) {
      objectKey = k.bytes().clone();
    }
    List<byte[]> segments;
    try (SegmentEncryptor e = SegmentEncryptor.startWithFixedRandomness(keys, c, p, salt, prefix)) {
      segments = e.encryptAll(d.plaintext());
    }
    StringBuilder b = new StringBuilder();
    b.append("    {\n");
    field(b, "name", d.name());
    field(b, "description", d.description());
    field(b, "purpose", d.purpose());
    b.append("      \"context\": {\"stampId\": \"")
        .append(d.context().stampId())
        .append("\", \"region\": \"")
        .append(d.context().region())
        .append("\", \"collection\": \"")
        .append(d.context().collection())
        .append("\", \"documentId\": \"")
        .append(d.context().documentId())
        .append("\"},\n");
    b.append("      \"slots\": [\n");
    List<String> slots = new ArrayList<>();
    List<KeySlot> ks = keys.slots();
    for (int i = 0; i < ks.size(); i++) {
      KeySlot s = ks.get(i);
      slots.add(
          "        {\"type\": \""
              + slotName(s.type())
              + "\", \"typeCode\": "
              + s.type().code()
              + ", \"version\": "
              + s.version()
              + ", \"keyId\": \""
              + HEX.formatHex(s.keyId())
              + "\", \"key\": \""
              + HEX.formatHex(keyBytes(s.type()))
              + "\"}");
    }
    b.append(String.join(",\n", slots)).append("\n      ],\n");
    field(b, "salt", HEX.formatHex(salt));
    field(b, "noncePrefix", HEX.formatHex(prefix));
    b.append("      \"plaintextLength\": ").append(d.plaintext().length).append(",\n");
    if (d.literalPlaintext()) {
      field(b, "plaintext", HEX.formatHex(d.plaintext()));
    }
    field(b, "plaintextSha256", HEX.formatHex(sha256(d.plaintext())));
    field(b, "hkdfInfo", HEX.formatHex(ObjectKeys.info(header, c, p)));
    field(b, "objectKey", HEX.formatHex(objectKey));
    field(b, "aad", HEX.formatHex(Encoding.concat(header.encode(), c.encode())));
    field(b, "header", HEX.formatHex(header.encode()));
    b.append("      \"segments\": [\n");
    b.append(
        segments.stream()
            .map(s -> "        \"" + HEX.formatHex(s) + "\"")
            .collect(Collectors.joining(",\n")));
    b.append("\n      ]\n    }");
    return b.toString();
  }

  private static String wraps() {
    CollectionScope scope = new CollectionScope("stamp-7f3a", "eu-de", "contracts");
    String cmk = "cmk-2026-v2";
    return "    {\"label\": \""
        + WrapContext.DEK_LABEL
        + "\", \"stampId\": \"stamp-7f3a\", \"region\": \"eu-de\", "
        + "\"collection\": \"contracts\", \"version\": 3, \"cmkKeyId\": \""
        + cmk
        + "\", \"aad\": \""
        + HEX.formatHex(WrapContext.forDek(scope, 3, cmk))
        + "\"},\n"
        + "    {\"label\": \""
        + WrapContext.INDEX_KEY_LABEL
        + "\", \"stampId\": \"stamp-7f3a\", \"region\": \"eu-de\", "
        + "\"collection\": \"contracts\", \"version\": 1, \"cmkKeyId\": \""
        + cmk
        + "\", \"aad\": \""
        + HEX.formatHex(WrapContext.forIndexKey(scope, 1, cmk))
        + "\"}";
  }

  private static String indexes() {
    byte[] indexKey = seq(0x60);
    List<String> out = new ArrayList<>();
    for (String[] si :
        new String[][] {{"contracts", "customer-4711"}, {"invoices", "customer-4711"}}) {
      CollectionScope scope = new CollectionScope("stamp-7f3a", "eu-de", si[0]);
      byte[] subject = si[1].getBytes(StandardCharsets.UTF_8);
      try (KeyMaterial k = KeyMaterial.copyOf(indexKey)) {
        out.add(
            "    {\"stampId\": \"stamp-7f3a\", \"region\": \"eu-de\", \"collection\": \""
                + si[0]
                + "\", \"indexKey\": \""
                + HEX.formatHex(indexKey)
                + "\", \"subjectId\": \""
                + si[1]
                + "\", \"subjectIdHex\": \""
                + HEX.formatHex(subject)
                + "\", \"index\": \""
                + HEX.formatHex(BlindIndex.compute(k, scope, subject))
                + "\"}");
      }
    }
    return String.join(",\n", out);
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append("      \"").append(name).append("\": \"").append(value).append("\",\n");
  }

  static ContentKeys keys(String which) {
    return switch (which) {
      case "dek" -> ContentKeys.collectionDek(3, KeyMaterial.copyOf(DEK));
      case "subject" -> ContentKeys.subjectKey(SUBJECT_KEY_ID, 2, KeyMaterial.copyOf(SUBJECT_KEY));
      case "dek+second" ->
          ContentKeys.collectionDek(3, KeyMaterial.copyOf(DEK))
              .withSecondKey(SECOND_KEY_ID, 1, KeyMaterial.copyOf(SECOND_KEY));
      default -> throw new IllegalArgumentException(which);
    };
  }

  private static byte[] keyBytes(KeySlotType t) {
    return switch (t) {
      case COLLECTION_DEK -> DEK;
      case SUBJECT_KEY -> SUBJECT_KEY;
      case SECOND_KEY -> SECOND_KEY;
    };
  }

  private static String slotName(KeySlotType t) {
    return switch (t) {
      case COLLECTION_DEK -> "collection-dek";
      case SUBJECT_KEY -> "subject-key";
      case SECOND_KEY -> "second-key";
    };
  }

  static byte[] seq(int first) {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      b[i] = (byte) (first + i);
    }
    return b;
  }

  static byte[] sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
