package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The canonical encodings of docs/format.md: big-endian integers, u16be-length-prefixed bytes. */
final class Encoding {
  private Encoding() {}

  /** Strict UTF-8: an unpaired surrogate is refused rather than replaced. */
  static byte[] utf8(String field, String value, int maxBytes) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    byte[] bytes;
    try {
      ByteBuffer b =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(value));
      bytes = new byte[b.remaining()];
      b.get(bytes);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(field + " is not valid Unicode");
    }
    if (bytes.length > maxBytes) {
      throw new IllegalArgumentException(field + " is longer than " + maxBytes + " UTF-8 bytes");
    }
    return bytes;
  }

  static void lengthPrefixed(ByteArrayOutputStream out, byte[] value) {
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("field longer than 65535 bytes");
    }
    out.write(value.length >>> 8);
    out.write(value.length);
    out.writeBytes(value);
  }

  static void lengthPrefixed(ByteArrayOutputStream out, String ascii) {
    lengthPrefixed(out, ascii.getBytes(StandardCharsets.US_ASCII));
  }

  static void u32(ByteArrayOutputStream out, long value) {
    out.write((int) (value >>> 24));
    out.write((int) (value >>> 16));
    out.write((int) (value >>> 8));
    out.write((int) value);
  }

  static int u32(byte[] in, int offset) {
    return ((in[offset] & 0xFF) << 24)
        | ((in[offset + 1] & 0xFF) << 16)
        | ((in[offset + 2] & 0xFF) << 8)
        | (in[offset + 3] & 0xFF);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
