package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The encryption context of one stored object: its collection scope and its document id (an opaque
 * id, never a name). Bound into the per-object key and into every segment's AAD, so a ciphertext
 * moved to another row, collection, region or stamp fails to decrypt.
 *
 * <p>Encoding: {@code lp(stampId) ‖ lp(region) ‖ lp(collection) ‖ lp(documentId)}.
 */
public record EncryptionContext(CollectionScope scope, String documentId) {
  public EncryptionContext {
    Objects.requireNonNull(scope, "scope");
    Encoding.utf8("document id", documentId, FormatV1.MAX_DOCUMENT_ID_BYTES);
  }

  public static EncryptionContext of(
      String stampId, String region, String collection, String documentId) {
    return new EncryptionContext(new CollectionScope(stampId, region, collection), documentId);
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    scope.writeTo(out);
    Encoding.lengthPrefixed(
        out, Encoding.utf8("document id", documentId, FormatV1.MAX_DOCUMENT_ID_BYTES));
    return out.toByteArray();
  }
}
