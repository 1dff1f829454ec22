package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;

/**
 * The per-object key (docs/format.md, "Per-object key"): {@code HKDF-SHA-256(ikm, salt = header
 * salt, info = lp(purpose label) ‖ context ‖ version ‖ n ‖ slots)}, 32 bytes. A DEK is never an AES
 * key itself; every write gets a fresh salt and so a fresh key.
 */
final class ObjectKeys {
  private ObjectKeys() {}

  static KeyMaterial derive(
      ContentKeys keys, Header header, EncryptionContext context, Purpose purpose) {
    if (!keys.slots().equals(header.slots())) {
      throw new IllegalArgumentException("the keys given are not the ones the header names");
    }
    try (KeyMaterial ikm = keys.inputKeyingMaterial()) {
      return HkdfSha256.derive(
          ikm, header.salt(), info(header, context, purpose), FormatV1.KEY_SIZE);
    }
  }

  static byte[] info(Header header, EncryptionContext context, Purpose purpose) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoding.lengthPrefixed(out, purpose.label(header.isDoubleKey()));
    out.writeBytes(context.encode());
    out.writeBytes(header.keyDescriptor());
    return out.toByteArray();
  }
}
