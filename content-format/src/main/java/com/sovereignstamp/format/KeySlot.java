package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One key-slot descriptor of the header: which key (type and opaque 16-byte key id) at which
 * version. Never the key itself. Encoding (21 bytes): {@code u8 type ‖ u32be version ‖ key id}.
 *
 * <p>The collection DEK's key id is 16 zero bytes (the collection names the DEK ring); a subject
 * key's id is a random id from the key store, never the data subject's own identifier.
 */
public final class KeySlot {
  public static final int KEY_ID_SIZE = 16;
  public static final int ENCODED_SIZE = 1 + 4 + KEY_ID_SIZE;

  private final KeySlotType type;
  private final int version;
  private final byte[] keyId;

  private KeySlot(KeySlotType type, int version, byte[] keyId) {
    this.type = Objects.requireNonNull(type, "type");
    if (version < 1) {
      throw new IllegalArgumentException("key version must be at least 1");
    }
    if (keyId.length != KEY_ID_SIZE) {
      throw new IllegalArgumentException("key id must be " + KEY_ID_SIZE + " bytes");
    }
    boolean zero = Arrays.equals(keyId, new byte[KEY_ID_SIZE]);
    if (zero != (type == KeySlotType.COLLECTION_DEK)) {
      throw new IllegalArgumentException("only the collection DEK has the all-zero key id");
    }
    this.version = version;
    this.keyId = keyId.clone();
  }

  public static KeySlot collectionDek(int dekVersion) {
    return new KeySlot(KeySlotType.COLLECTION_DEK, dekVersion, new byte[KEY_ID_SIZE]);
  }

  public static KeySlot subjectKey(byte[] keyId, int version) {
    return new KeySlot(KeySlotType.SUBJECT_KEY, version, keyId);
  }

  public static KeySlot secondKey(byte[] keyId, int version) {
    return new KeySlot(KeySlotType.SECOND_KEY, version, keyId);
  }

  static KeySlot decode(byte[] in, int offset) {
    KeySlotType type =
        KeySlotType.fromCode(in[offset] & 0xFF)
            .orElseThrow(() -> new IllegalArgumentException("unknown key slot type"));
    int version = Encoding.u32(in, offset + 1);
    byte[] id = Arrays.copyOfRange(in, offset + 5, offset + 5 + KEY_ID_SIZE);
    return new KeySlot(type, version, id);
  }

  void writeTo(ByteArrayOutputStream out) {
    out.write(type.code());
    Encoding.u32(out, version);
    out.writeBytes(keyId);
  }

  public KeySlotType type() {
    return type;
  }

  public int version() {
    return version;
  }

  public byte[] keyId() {
    return keyId.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeySlot k
        && k.type == type
        && k.version == version
        && Arrays.equals(k.keyId, keyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, version, Arrays.hashCode(keyId));
  }

  @Override
  public String toString() {
    return type + " v" + version + " " + HexFormat.of().formatHex(keyId);
  }
}
