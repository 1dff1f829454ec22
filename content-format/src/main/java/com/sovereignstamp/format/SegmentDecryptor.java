package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Decrypts one stored object from its header and its segments. Segments are checked one at a time
 * (index and last-segment flag are in the nonce), so a stream over a database cursor holds one
 * segment in memory. Any tampering — changed, missing, extra, reordered, truncated or foreign
 * segments, a changed header or context, wrong keys — ends in {@link IntegrityFailureException}.
 * Close it to zero the key.
 */
public final class SegmentDecryptor implements AutoCloseable {
  private final KeyMaterial objectKey;
  private final SegmentCipher cipher;
  private final String documentId;

  private SegmentDecryptor(Header header, ContentKeys keys, EncryptionContext context, Purpose p) {
    this.objectKey = ObjectKeys.derive(keys, header, context, p);
    this.cipher = new SegmentCipher(objectKey, header, context);
    this.documentId = context.documentId();
  }

  /**
   * Opens an object for reading. Read the key slots first ({@link Header#parse}) to know which keys
   * to fetch; {@code keys} must name exactly those slots.
   */
  public static SegmentDecryptor open(
      byte[] header, ContentKeys keys, EncryptionContext context, Purpose purpose) {
    Header h;
    try {
      h = Header.parse(header);
    } catch (IntegrityFailureException e) {
      throw new IntegrityFailureException(context.documentId());
    }
    return new SegmentDecryptor(h, keys, context, purpose);
  }

  static SegmentDecryptor open(
      Header header, ContentKeys keys, EncryptionContext context, Purpose purpose) {
    return new SegmentDecryptor(header, keys, context, purpose);
  }

  /**
   * Decrypts segment {@code index}; {@code last} says whether the caller believes it is the final
   * one (random access: a wrong belief fails, it does not mislead).
   */
  public byte[] decryptSegment(int index, byte[] ciphertext, boolean last) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    boolean sizeOk =
        index >= 0
            && index < FormatV1.MAX_SEGMENTS
            && (last
                ? ciphertext.length <= FormatV1.CIPHERTEXT_SEGMENT_SIZE
                    && (ciphertext.length > FormatV1.TAG_SIZE
                        || (index == 0 && ciphertext.length == FormatV1.TAG_SIZE))
                : ciphertext.length == FormatV1.CIPHERTEXT_SEGMENT_SIZE);
    if (!sizeOk) {
      throw new IntegrityFailureException(documentId);
    }
    return cipher.open(index, last, ciphertext);
  }

  /**
   * The plaintext of segments given in index order (a cursor over segment rows). Plaintext is
   * released one authenticated segment at a time; the document is whole only when the stream ends
   * without an exception — a truncation shows up on the last read.
   */
  public InputStream plaintext(Iterator<byte[]> segments) {
    return new DecryptingInputStream(this, segments);
  }

  /** Decrypts a whole object held in memory (metadata, tests). */
  public byte[] decryptAll(List<byte[]> segments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (segments.isEmpty()) {
      throw new IntegrityFailureException(documentId);
    }
    for (int i = 0; i < segments.size(); i++) {
      out.writeBytes(decryptSegment(i, segments.get(i), i == segments.size() - 1));
    }
    return out.toByteArray();
  }

  String documentId() {
    return documentId;
  }

  @Override
  public void close() {
    cipher.close();
    objectKey.close();
  }
}
