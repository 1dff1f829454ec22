package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The header of a stored object (docs/format.md, "Header"), kept in the document row:
 *
 * <pre>
 * u8  version (0x01)
 * u8  slot count n (1 or 2)
 * n × 21-byte key slot: u8 type ‖ u32be version ‖ 16-byte key id
 * 32  salt (HKDF)
 * 7   nonce prefix
 * </pre>
 *
 * Slot 0 is the collection DEK or a subject key; slot 1, if present, is the second key of
 * double-key encryption. The whole header is part of every segment's AAD.
 */
public final class Header {
  private final List<KeySlot> slots;
  private final byte[] salt;
  private final byte[] noncePrefix;

  Header(List<KeySlot> slots, byte[] salt, byte[] noncePrefix) {
    checkSlots(slots);
    if (salt.length != FormatV1.SALT_SIZE || noncePrefix.length != FormatV1.NONCE_PREFIX_SIZE) {
      throw new IllegalArgumentException("salt or nonce prefix of the wrong length");
    }
    this.slots = List.copyOf(slots);
    this.salt = salt.clone();
    this.noncePrefix = noncePrefix.clone();
  }

  static Header fresh(List<KeySlot> slots, SecureRandom random) {
    // one request to the DRBG for both (each request costs its continuous test and reseed check)
    byte[] fresh = new byte[FormatV1.SALT_SIZE + FormatV1.NONCE_PREFIX_SIZE];
    random.nextBytes(fresh);
    byte[] salt = Arrays.copyOfRange(fresh, 0, FormatV1.SALT_SIZE);
    byte[] prefix = Arrays.copyOfRange(fresh, FormatV1.SALT_SIZE, fresh.length);
    Arrays.fill(fresh, (byte) 0);
    return new Header(slots, salt, prefix);
  }

  /** The encoded length of a header with {@code slotCount} slots. */
  public static int length(int slotCount) {
    return 2 + slotCount * KeySlot.ENCODED_SIZE + FormatV1.SALT_SIZE + FormatV1.NONCE_PREFIX_SIZE;
  }

  /** Parses a complete header; anything malformed or of another version is an integrity failure. */
  public static Header parse(byte[] encoded) {
    Header h = parsePrefix(encoded);
    if (encoded.length != length(h.slots.size())) {
      throw new IntegrityFailureException(null);
    }
    return h;
  }

  /** Parses the header at the start of {@code encoded}, which may continue with more bytes. */
  static Header parsePrefix(byte[] encoded) {
    try {
      if (encoded.length < 2 || encoded[0] != FormatV1.VERSION) {
        throw new IllegalArgumentException("not a version 1 header");
      }
      int n = encoded[1] & 0xFF;
      if (n < 1 || n > 2 || encoded.length < length(n)) {
        throw new IllegalArgumentException("bad slot count or length");
      }
      KeySlot[] slots = new KeySlot[n];
      for (int i = 0; i < n; i++) {
        slots[i] = KeySlot.decode(encoded, 2 + i * KeySlot.ENCODED_SIZE);
      }
      int at = 2 + n * KeySlot.ENCODED_SIZE;
      byte[] salt = Arrays.copyOfRange(encoded, at, at + FormatV1.SALT_SIZE);
      at += FormatV1.SALT_SIZE;
      byte[] prefix = Arrays.copyOfRange(encoded, at, at + FormatV1.NONCE_PREFIX_SIZE);
      return new Header(List.of(slots), salt, prefix);
    } catch (IllegalArgumentException e) {
      throw new IntegrityFailureException(null);
    }
  }

  private static void checkSlots(List<KeySlot> slots) {
    if (slots.isEmpty() || slots.size() > 2) {
      throw new IllegalArgumentException("a header has one or two key slots");
    }
    KeySlotType first = slots.get(0).type();
    if (first != KeySlotType.COLLECTION_DEK && first != KeySlotType.SUBJECT_KEY) {
      throw new IllegalArgumentException("slot 0 must be the collection DEK or a subject key");
    }
    if (slots.size() == 2 && slots.get(1).type() != KeySlotType.SECOND_KEY) {
      throw new IllegalArgumentException("slot 1 must be the second key");
    }
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length(slots.size()));
    writeKeyDescriptor(out);
    out.writeBytes(salt);
    out.writeBytes(noncePrefix);
    return out.toByteArray();
  }

  /** {@code version ‖ n ‖ slots}: the part of the header that goes into the HKDF info. */
  byte[] keyDescriptor() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeKeyDescriptor(out);
    return out.toByteArray();
  }

  private void writeKeyDescriptor(ByteArrayOutputStream out) {
    out.write(FormatV1.VERSION);
    out.write(slots.size());
    for (KeySlot s : slots) {
      s.writeTo(out);
    }
  }

  public List<KeySlot> slots() {
    return slots;
  }

  public boolean isDoubleKey() {
    return slots.size() == 2;
  }

  byte[] salt() {
    return salt.clone();
  }

  byte[] noncePrefix() {
    return noncePrefix.clone();
  }
}
