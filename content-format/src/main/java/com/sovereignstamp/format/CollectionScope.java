package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;

/**
 * Where a collection lives: the stamp, its residency region and the collection's name. Every key
 * derived or wrapped for the collection binds these three.
 *
 * <p>Encoding: {@code lp(stampId) ‖ lp(region) ‖ lp(collection)}, each {@code lp} a u16be length
 * followed by the UTF-8 bytes.
 */
public record CollectionScope(String stampId, String region, String collection) {
  public CollectionScope {
    Encoding.utf8("stamp id", stampId, FormatV1.MAX_STAMP_ID_BYTES);
    Encoding.utf8("region", region, FormatV1.MAX_REGION_BYTES);
    Encoding.utf8("collection", collection, FormatV1.MAX_COLLECTION_BYTES);
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTo(out);
    return out.toByteArray();
  }

  void writeTo(ByteArrayOutputStream out) {
    Encoding.lengthPrefixed(out, Encoding.utf8("stamp id", stampId, FormatV1.MAX_STAMP_ID_BYTES));
    Encoding.lengthPrefixed(out, Encoding.utf8("region", region, FormatV1.MAX_REGION_BYTES));
    Encoding.lengthPrefixed(
        out, Encoding.utf8("collection", collection, FormatV1.MAX_COLLECTION_BYTES));
  }
}
