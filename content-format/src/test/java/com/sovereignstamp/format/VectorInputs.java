package com.sovereignstamp.format;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Turns vectors (and mutated vectors) into the inputs of either implementation. */
final class VectorInputs {
  private VectorInputs() {}

  /** What a decryptor is handed: possibly tampered with by a negative vector. */
  record Attempt(
      byte[] header,
      List<byte[]> segments,
      IndependentImplementation.Context context,
      String purpose,
      List<byte[]> keys) {}

  static EncryptionContext context(IndependentImplementation.Context c) {
    return EncryptionContext.of(c.stampId(), c.region(), c.collection(), c.documentId());
  }

  static Purpose purpose(String name) {
    return Purpose.valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Content keys for the slots a header names, with key bytes in slot order. */
  static ContentKeys keys(List<KeySlot> slots, List<byte[]> keyBytes) {
    KeySlot first = slots.get(0);
    KeyMaterial k0 = KeyMaterial.copyOf(keyBytes.get(0));
    ContentKeys keys =
        first.type() == KeySlotType.COLLECTION_DEK
            ? ContentKeys.collectionDek(first.version(), k0)
            : ContentKeys.subjectKey(first.keyId(), first.version(), k0);
    if (slots.size() == 2) {
      KeySlot second = slots.get(1);
      keys =
          keys.withSecondKey(second.keyId(), second.version(), KeyMaterial.copyOf(keyBytes.get(1)));
    }
    return keys;
  }

  static List<byte[]> keyBytes(VectorFile.Positive v) {
    return v.slots().stream().map(VectorFile.Slot::key).toList();
  }

  static Attempt untouched(VectorFile.Positive v) {
    return new Attempt(v.header(), v.segments(), v.context(), v.purpose(), keyBytes(v));
  }

  /** Applies a negative vector's mutation (docs/format.md, "Test vectors"). */
  static Attempt mutate(VectorFile.Positive base, JsonObject m, VectorFile file) {
    byte[] header = base.header().clone();
    List<byte[]> segments = new ArrayList<>();
    base.segments().forEach(s -> segments.add(s.clone()));
    IndependentImplementation.Context c = base.context();
    String purpose = base.purpose();
    List<byte[]> keys = new ArrayList<>();
    keyBytes(base).forEach(k -> keys.add(k.clone()));
    switch (m.getString("type")) {
      case "context" -> c = withField(c, m.getString("field"), m.getString("value"));
      case "header-byte" -> header[m.getInt("offset")] ^= (byte) m.getInt("xor");
      case "swap-segments" -> {
        byte[] a = segments.get(m.getInt("i"));
        segments.set(m.getInt("i"), segments.get(m.getInt("j")));
        segments.set(m.getInt("j"), a);
      }
      case "truncate-last-segment" -> {
        int last = segments.size() - 1;
        byte[] s = segments.get(last);
        segments.set(last, Arrays.copyOf(s, s.length - m.getInt("bytes")));
      }
      case "drop-segment" -> segments.remove(m.getInt("index"));
      case "drop-all-segments" -> segments.clear();
      case "append-copy-of-last-segment" -> segments.add(segments.get(segments.size() - 1).clone());
      case "segment-byte" ->
          segments.get(m.getInt("segment"))[m.getInt("offset")] ^= (byte) m.getInt("xor");
      case "segment-from" ->
          segments.set(
              m.getInt("segment"),
              file.positives
                  .get(m.getString("vector"))
                  .segments()
                  .get(m.getInt("segment"))
                  .clone());
      case "purpose" -> purpose = m.getString("value");
      case "key-byte" -> keys.get(m.getInt("slot"))[m.getInt("offset")] ^= (byte) m.getInt("xor");
      case "drop-second-slot" -> {
        byte[] shorter = new byte[header.length - KeySlot.ENCODED_SIZE];
        shorter[0] = header[0];
        shorter[1] = 1;
        System.arraycopy(header, 2, shorter, 2, KeySlot.ENCODED_SIZE);
        int rest = 2 + 2 * KeySlot.ENCODED_SIZE;
        System.arraycopy(header, rest, shorter, 2 + KeySlot.ENCODED_SIZE, header.length - rest);
        header = shorter;
        keys.remove(1);
      }
      default -> throw new IllegalArgumentException("unknown mutation " + m);
    }
    return new Attempt(header, segments, c, purpose, keys);
  }

  private static IndependentImplementation.Context withField(
      IndependentImplementation.Context c, String field, String value) {
    return switch (field) {
      case "stampId" ->
          new IndependentImplementation.Context(value, c.region(), c.collection(), c.documentId());
      case "region" ->
          new IndependentImplementation.Context(c.stampId(), value, c.collection(), c.documentId());
      case "collection" ->
          new IndependentImplementation.Context(c.stampId(), c.region(), value, c.documentId());
      case "documentId" ->
          new IndependentImplementation.Context(c.stampId(), c.region(), c.collection(), value);
      default -> throw new IllegalArgumentException(field);
    };
  }

  /** Decrypts an attempt with the main implementation, the way the appliance will. */
  static byte[] decryptWithReference(Attempt a) {
    Header header = Header.parse(a.header());
    try (SegmentDecryptor d =
        SegmentDecryptor.open(
            a.header(),
            keys(header.slots(), a.keys()),
            context(a.context()),
            purpose(a.purpose()))) {
      return d.decryptAll(a.segments());
    }
  }

  static byte[] decryptWithIndependent(Attempt a) throws java.security.GeneralSecurityException {
    return IndependentImplementation.decrypt(
        a.header(), a.keys(), a.context(), a.purpose(), a.segments());
  }
}
