package com.sovereignstamp.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encrypts one object, written once: a fresh header (new salt and nonce prefix, hence a new
 * per-object key), then segments in order — every one but the last exactly 64 KiB of plaintext, the
 * last 1 to 64 KiB (0 only when it is the only one). Store {@link #header()} in the document row
 * and segment {@code i} in row {@code i}, in one transaction. Close it to zero the key.
 */
public final class SegmentEncryptor implements AutoCloseable {
  private final Header header;
  private final KeyMaterial objectKey;
  private final SegmentCipher cipher;
  private int next;
  private boolean finished;

  private SegmentEncryptor(Header header, ContentKeys keys, EncryptionContext context, Purpose p) {
    this.header = header;
    this.objectKey = ObjectKeys.derive(keys, header, context, p);
    this.cipher = new SegmentCipher(objectKey, header, context);
  }

  /** Starts a new write; {@code random} is an approved DRBG (see {@code BcFips.drbg()}). */
  public static SegmentEncryptor start(
      ContentKeys keys, EncryptionContext context, Purpose purpose, SecureRandom random) {
    return new SegmentEncryptor(Header.fresh(keys.slots(), random), keys, context, purpose);
  }

  /** Test vectors only: salt and nonce prefix given instead of drawn. Never for real writes. */
  static SegmentEncryptor startWithFixedRandomness(
      ContentKeys keys,
      EncryptionContext context,
      Purpose purpose,
      byte[] salt,
      byte[] noncePrefix) {
    return new SegmentEncryptor(
        new Header(keys.slots(), salt, noncePrefix), keys, context, purpose);
  }

  public byte[] header() {
    return header.encode();
  }

  /** Encrypts the next segment; the sizes must follow the rule above. */
  public byte[] encryptSegment(byte[] plaintext, int offset, int length, boolean last) {
    if (finished) {
      throw new IllegalStateException("the last segment was already written");
    }
    if (next >= FormatV1.MAX_SEGMENTS) {
      throw new IllegalStateException("document larger than the format allows");
    }
    boolean sizeOk =
        last
            ? length <= FormatV1.PLAINTEXT_SEGMENT_SIZE && (length > 0 || next == 0)
            : length == FormatV1.PLAINTEXT_SEGMENT_SIZE;
    if (!sizeOk) {
      throw new IllegalArgumentException("segment " + next + " has a size the format forbids");
    }
    byte[] out = cipher.seal(next, last, plaintext, offset, length);
    next++;
    finished = last;
    return out;
  }

  /**
   * Reads {@code in} to its end and hands each encrypted segment to {@code sink}; holds two
   * segments' worth of memory whatever the size. Returns the number of segments.
   */
  public int encrypt(InputStream in, SegmentSink sink) throws IOException {
    byte[] buffer = new byte[FormatV1.PLAINTEXT_SEGMENT_SIZE];
    try {
      int filled = in.readNBytes(buffer, 0, buffer.length);
      while (true) {
        int index = next;
        if (filled < buffer.length) {
          sink.accept(index, encryptSegment(buffer, 0, filled, true));
          return next;
        }
        int lookahead = in.read();
        if (lookahead < 0) {
          sink.accept(index, encryptSegment(buffer, 0, filled, true));
          return next;
        }
        sink.accept(index, encryptSegment(buffer, 0, filled, false));
        buffer[0] = (byte) lookahead;
        filled = 1 + in.readNBytes(buffer, 1, buffer.length - 1);
      }
    } finally {
      Arrays.fill(buffer, (byte) 0);
    }
  }

  /** All segments of a plaintext held in memory (metadata, tests). */
  public List<byte[]> encryptAll(byte[] plaintext) {
    List<byte[]> segments = new ArrayList<>();
    try {
      encrypt(new ByteArrayInputStream(plaintext), (i, s) -> segments.add(s));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return segments;
  }

  @Override
  public void close() {
    cipher.close();
    objectKey.close();
  }
}
