package com.sovereignstamp.appliance.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A collection key as the customer's key wrapped it: the bridge's ciphertext parts and the id of
 * the customer key (CMK version) that wrapped it. Holds no secret; arrays are copied in and out.
 */
public final class WrappedKey {
  private final String cmkKeyId;
  private final byte[] iv;
  private final byte[] ciphertext;
  private final byte[] tag;
  private final byte[] ciphertextMetadata;

  public WrappedKey(
      String cmkKeyId, byte[] iv, byte[] ciphertext, byte[] tag, byte[] ciphertextMetadata) {
    this.cmkKeyId = Objects.requireNonNull(cmkKeyId, "cmkKeyId");
    this.iv = iv.clone();
    this.ciphertext = ciphertext.clone();
    this.tag = tag.clone();
    this.ciphertextMetadata = ciphertextMetadata == null ? null : ciphertextMetadata.clone();
  }

  public String cmkKeyId() {
    return cmkKeyId;
  }

  public byte[] iv() {
    return iv.clone();
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  public byte[] tag() {
    return tag.clone();
  }

  /** The bridge's ciphertext metadata, or null. */
  public byte[] ciphertextMetadata() {
    return ciphertextMetadata == null ? null : ciphertextMetadata.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedKey w
        && cmkKeyId.equals(w.cmkKeyId)
        && Arrays.equals(iv, w.iv)
        && Arrays.equals(ciphertext, w.ciphertext)
        && Arrays.equals(tag, w.tag)
        && Arrays.equals(ciphertextMetadata, w.ciphertextMetadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cmkKeyId, Arrays.hashCode(ciphertext));
  }

  @Override
  public String toString() {
    return "WrappedKey[cmk=" + cmkKeyId + ", " + ciphertext.length + " bytes]";
  }
}
