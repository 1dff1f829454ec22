package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;

/**
 * The additional authenticated data the appliance sends with XKS encrypt/decrypt when the
 * customer's CMK wraps a collection key (docs/format.md, "Wrapped keys"): {@code lp(label) ‖ scope
 * ‖ u32be(key version) ‖ lp(CMK key id)}. The wrapped-key bytes themselves (IV, ciphertext, tag,
 * ciphertext metadata) are the bridge's.
 */
public final class WrapContext {
  public static final String DEK_LABEL = "dek-wrap-v1";
  public static final String INDEX_KEY_LABEL = "index-key-wrap-v1";

  private WrapContext() {}

  public static byte[] forDek(CollectionScope scope, int dekVersion, String cmkKeyId) {
    return encode(DEK_LABEL, scope, dekVersion, cmkKeyId);
  }

  public static byte[] forIndexKey(CollectionScope scope, int indexKeyVersion, String cmkKeyId) {
    return encode(INDEX_KEY_LABEL, scope, indexKeyVersion, cmkKeyId);
  }

  private static byte[] encode(String label, CollectionScope scope, int version, String cmkKeyId) {
    if (version < 1) {
      throw new IllegalArgumentException("key version must be at least 1");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoding.lengthPrefixed(out, label);
    scope.writeTo(out);
    Encoding.u32(out, version);
    Encoding.lengthPrefixed(
        out, Encoding.utf8("CMK key id", cmkKeyId, FormatV1.MAX_CMK_KEY_ID_BYTES));
    return out.toByteArray();
  }
}
