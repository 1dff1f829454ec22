package com.sovereignstamp.format;

/**
 * The parameters of format version 1, in one place (docs/format.md). Changing any of them makes a
 * new format version.
 */
public final class FormatV1 {
  private FormatV1() {}

  /** The first byte of every header. */
  public static final byte VERSION = 0x01;

  /** Plaintext bytes in every segment but the last (64 KiB). */
  public static final int PLAINTEXT_SEGMENT_SIZE = 64 * 1024;

  /** The AES-GCM tag appended to each segment. */
  public static final int TAG_SIZE = 16;

  /** Ciphertext bytes (plaintext + tag) of every segment but the last. */
  public static final int CIPHERTEXT_SEGMENT_SIZE = PLAINTEXT_SEGMENT_SIZE + TAG_SIZE;

  /** Every key (DEK, subject key, second key, index key, per-object key) is 256 bits. */
  public static final int KEY_SIZE = 32;

  /** The HKDF salt, fresh and random for every write. */
  public static final int SALT_SIZE = 32;

  /** The random part of every segment nonce, fresh for every write. */
  public static final int NONCE_PREFIX_SIZE = 7;

  /** The GCM nonce: prefix ‖ u32be(segment index) ‖ last-segment flag. */
  public static final int NONCE_SIZE = NONCE_PREFIX_SIZE + 4 + 1;

  /** At most 2^24 segments per document, so at most 1 TiB of plaintext. */
  public static final int MAX_SEGMENTS = 1 << 24;

  public static final long MAX_PLAINTEXT_SIZE = (long) MAX_SEGMENTS * PLAINTEXT_SEGMENT_SIZE;

  /** Context field limits, in UTF-8 bytes. */
  public static final int MAX_STAMP_ID_BYTES = 64;

  public static final int MAX_REGION_BYTES = 32;
  public static final int MAX_COLLECTION_BYTES = 128;
  public static final int MAX_DOCUMENT_ID_BYTES = 128;
  public static final int MAX_CMK_KEY_ID_BYTES = 128;

  /** The JCA transformation, used only with a per-object key and a constructed nonce. */
  static final String AES_GCM = "AES/GCM/NoPadding";

  static final String HMAC_SHA256 = "HMacSHA256";
}
