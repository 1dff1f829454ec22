package com.sovereignstamp.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keys one object is encrypted under, each with the slot that names it: the collection DEK or a
 * subject key, and for double-key encryption the second (service-side) key. Holds references to key
 * material the caller owns (a DEK cache, say); it neither copies nor closes them.
 */
public final class ContentKeys {
  private final KeySlot primarySlot;
  private final KeyMaterial primary;
  private final KeySlot secondSlot;
  private final KeyMaterial second;

  private ContentKeys(
      KeySlot primarySlot, KeyMaterial primary, KeySlot secondSlot, KeyMaterial second) {
    this.primarySlot = primarySlot;
    this.primary = primary;
    this.secondSlot = secondSlot;
    this.second = second;
  }

  /** Content under the collection DEK of the given version. */
  public static ContentKeys collectionDek(int dekVersion, KeyMaterial dek) {
    return new ContentKeys(KeySlot.collectionDek(dekVersion), checked(dek), null, null);
  }

  /** Content under a data subject's key (erasing the subject destroys it). */
  public static ContentKeys subjectKey(byte[] keyId, int version, KeyMaterial subjectKey) {
    return new ContentKeys(KeySlot.subjectKey(keyId, version), checked(subjectKey), null, null);
  }

  /** Adds the service-side key of double-key encryption. */
  public ContentKeys withSecondKey(byte[] keyId, int version, KeyMaterial secondKey) {
    if (second != null) {
      throw new IllegalStateException("already has a second key");
    }
    return new ContentKeys(
        primarySlot, primary, KeySlot.secondKey(keyId, version), checked(secondKey));
  }

  private static KeyMaterial checked(KeyMaterial k) {
    Objects.requireNonNull(k, "key");
    if (k.length() != FormatV1.KEY_SIZE) {
      throw new IllegalArgumentException("keys are " + FormatV1.KEY_SIZE + " bytes");
    }
    return k;
  }

  public List<KeySlot> slots() {
    List<KeySlot> s = new ArrayList<>(2);
    s.add(primarySlot);
    if (secondSlot != null) {
      s.add(secondSlot);
    }
    return List.copyOf(s);
  }

  boolean isDoubleKey() {
    return second != null;
  }

  /** The HKDF input keying material: the primary key, or customer-side ‖ service-side. */
  KeyMaterial inputKeyingMaterial() {
    if (second == null) {
      return KeyMaterial.copyOf(primary.bytes());
    }
    return KeyMaterial.adopt(Encoding.concat(primary.bytes(), second.bytes()));
  }

  @Override
  public String toString() {
    return "ContentKeys" + slots();
  }
}
