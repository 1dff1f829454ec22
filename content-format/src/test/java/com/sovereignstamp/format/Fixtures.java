package com.sovereignstamp.format;

import com.sovereignstamp.fips.BcFips;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Shared inputs for the behaviour tests. */
final class Fixtures {
  static final SecureRandom RANDOM;

  static {
    BcFips.provider();
    RANDOM = BcFips.drbg();
  }

  private Fixtures() {}

  static EncryptionContext context(String documentId) {
    return EncryptionContext.of("stamp-7f3a", "eu-de", "contracts", documentId);
  }

  static KeyMaterial freshKey() {
    return KeyMaterial.generate(RANDOM);
  }

  static ContentKeys dekKeys(KeyMaterial dek) {
    return ContentKeys.collectionDek(1, dek);
  }

  /** One write: the header and the segments, as the rows would hold them. */
  record Stored(byte[] header, List<byte[]> segments) {
    Stored withSegments(List<byte[]> other) {
      return new Stored(header, other);
    }

    List<byte[]> copyOfSegments() {
      return new ArrayList<>(segments);
    }
  }

  static Stored encrypt(ContentKeys keys, EncryptionContext context, byte[] plaintext) {
    try (SegmentEncryptor e = SegmentEncryptor.start(keys, context, Purpose.CONTENT, RANDOM)) {
      return new Stored(e.header(), e.encryptAll(plaintext));
    }
  }

  static byte[] decrypt(ContentKeys keys, EncryptionContext context, Stored stored) {
    try (SegmentDecryptor d =
        SegmentDecryptor.open(stored.header(), keys, context, Purpose.CONTENT)) {
      return d.decryptAll(stored.segments());
    }
  }

  static byte[] plaintext(int length) {
    return VectorFile.pattern(length);
  }
}
