package com.sovereignstamp.format;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Encrypted metadata (a document's name, its labels): one self-contained blob per value, {@code
 * header ‖ segment 0}, the single-segment case of the content layout under the purpose label of the
 * field. Same keys as the content, different label, own salt: a fresh key per value written.
 */
public final class MetadataCipher {
  private MetadataCipher() {}

  public static byte[] seal(
      ContentKeys keys,
      EncryptionContext context,
      Purpose purpose,
      byte[] plaintext,
      SecureRandom random) {
    checkPurpose(purpose, plaintext);
    try (SegmentEncryptor e = SegmentEncryptor.start(keys, context, purpose, random)) {
      return Encoding.concat(e.header(), e.encryptSegment(plaintext, 0, plaintext.length, true));
    }
  }

  /** The key slots a blob names, so the caller knows which keys to fetch before {@link #open}. */
  public static List<KeySlot> slots(byte[] blob) {
    return Header.parsePrefix(blob).slots();
  }

  public static byte[] open(
      byte[] blob, ContentKeys keys, EncryptionContext context, Purpose purpose) {
    Header header;
    try {
      header = Header.parsePrefix(blob);
    } catch (IntegrityFailureException e) {
      throw new IntegrityFailureException(context.documentId());
    }
    byte[] segment = Arrays.copyOfRange(blob, Header.length(header.slots().size()), blob.length);
    try (SegmentDecryptor d = SegmentDecryptor.open(header, keys, context, purpose)) {
      return d.decryptSegment(0, segment, true);
    }
  }

  private static void checkPurpose(Purpose purpose, byte[] plaintext) {
    if (purpose == Purpose.CONTENT) {
      throw new IllegalArgumentException("content goes through SegmentEncryptor");
    }
    if (plaintext.length > FormatV1.PLAINTEXT_SEGMENT_SIZE) {
      throw new IllegalArgumentException("metadata is limited to one segment (64 KiB)");
    }
  }
}
