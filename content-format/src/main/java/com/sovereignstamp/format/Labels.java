package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The plaintext of a document's label set before {@link MetadataCipher} encrypts it: {@code
 * u16be(count) ‖ lp(label)…}, in the order given. Each label is 1 to 256 UTF-8 bytes.
 */
public final class Labels {
  public static final int MAX_LABEL_BYTES = 256;

  private Labels() {}

  public static byte[] encode(List<String> labels) {
    if (labels.size() > 0xFFFF) {
      throw new IllegalArgumentException("too many labels");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(labels.size() >>> 8);
    out.write(labels.size());
    for (String l : labels) {
      Encoding.lengthPrefixed(out, Encoding.utf8("label", l, MAX_LABEL_BYTES));
    }
    return out.toByteArray();
  }

  public static List<String> decode(byte[] encoded) {
    int count = ((encoded[0] & 0xFF) << 8) | (encoded[1] & 0xFF);
    List<String> labels = new ArrayList<>(count);
    int at = 2;
    for (int i = 0; i < count; i++) {
      int len = ((encoded[at] & 0xFF) << 8) | (encoded[at + 1] & 0xFF);
      labels.add(new String(encoded, at + 2, len, StandardCharsets.UTF_8));
      at += 2 + len;
    }
    if (at != encoded.length) {
      throw new IllegalArgumentException("trailing bytes after the labels");
    }
    return labels;
  }
}
