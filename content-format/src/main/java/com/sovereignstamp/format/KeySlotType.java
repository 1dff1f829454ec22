package com.sovereignstamp.format;

import java.util.Optional;

/** What a key slot names, with its code in the header. Version 1 knows exactly these three. */
public enum KeySlotType {
  /** The collection's data encryption key, addressed by collection and DEK version. */
  COLLECTION_DEK(0x01),
  /** A data subject's key (erasure destroys it), addressed by its opaque key id and version. */
  SUBJECT_KEY(0x02),
  /** The service-side key of double-key encryption, addressed by key id and version. */
  SECOND_KEY(0x03);

  private final int code;

  KeySlotType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static Optional<KeySlotType> fromCode(int code) {
    for (KeySlotType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
