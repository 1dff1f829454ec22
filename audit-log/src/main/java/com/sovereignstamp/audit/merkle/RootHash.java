package com.sovereignstamp.audit.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 32-byte root hash of a Merkle tree (the hash part of a tree head or checkpoint).
 *
 * <p>Immutable: the bytes are copied in and out. {@link #equals(Object)} compares in constant time,
 * so comparing a computed root against a trusted one leaks nothing through timing. {@link
 * #toString()} is the lowercase hex form.
 */
public final class RootHash {

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private RootHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of 32 hash bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static RootHash of(byte[] bytes) {
    return new RootHash(TreeHashes.requireHash(bytes, "root hash").clone());
  }

  /**
   * Parses 64 hex digits (either case).
   *
   * @throws IllegalArgumentException if the string is not 64 hex digits
   */
  public static RootHash fromHex(String hex) {
    if (hex.length() != 2 * TreeHashes.HASH_LENGTH) {
      throw new IllegalArgumentException(
          "root hash must be " + 2 * TreeHashes.HASH_LENGTH + " hex digits, was " + hex.length());
    }
    return new RootHash(HEX.parseHex(hex));
  }

  /** Returns a copy of the 32 hash bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns whether {@code hash} holds the same bytes as this root, compared in constant time. */
  public boolean matches(byte[] hash) {
    return MessageDigest.isEqual(bytes, hash);
  }

  /** Returns the lowercase hex form, 64 digits. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RootHash that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
