package com.sovereignstamp.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The hash functions of an RFC 6962 / RFC 9162 Merkle tree, all SHA-256:
 *
 * <ul>
 *   <li>leaf hash: {@code SHA-256(0x00 || entry)};
 *   <li>interior node hash: {@code SHA-256(0x01 || left || right)};
 *   <li>root of the empty tree: {@code SHA-256("")}.
 * </ul>
 *
 * <p>The distinct leaf and node prefixes make a leaf hash never equal to a node hash, so a proof
 * cannot present an interior node as a leaf (second-preimage resistance, RFC 9162 §2.1.1).
 */
public final class TreeHashes {

  /** Length in bytes of every hash in the tree. */
  public static final int HASH_LENGTH = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final RootHash EMPTY_ROOT = RootHash.of(newDigest().digest());

  private TreeHashes() {}

  /**
   * Returns the leaf hash of an entry, {@code SHA-256(0x00 || entry)}.
   *
   * @param entry the entry bytes as stored in the log (may be empty)
   * @return a new 32-byte array
   */
  public static byte[] leafHash(byte[] entry) {
    Objects.requireNonNull(entry, "entry");
    MessageDigest digest = newDigest();
    digest.update(LEAF_PREFIX);
    digest.update(entry);
    return digest.digest();
  }

  /**
   * Returns the hash of an interior node, {@code SHA-256(0x01 || left || right)}.
   *
   * @param left the hash of the left child, 32 bytes
   * @param right the hash of the right child, 32 bytes
   * @return a new 32-byte array
   * @throws IllegalArgumentException if either child is not 32 bytes long
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    requireHash(left, "left");
    requireHash(right, "right");
    MessageDigest digest = newDigest();
    digest.update(NODE_PREFIX);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  /**
   * Returns the root hash of the empty tree, {@code SHA-256("")} =
   * e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.
   */
  public static RootHash emptyRoot() {
    return EMPTY_ROOT;
  }

  static byte[] requireHash(byte[] hash, String name) {
    Objects.requireNonNull(hash, name);
    if (hash.length != HASH_LENGTH) {
      throw new IllegalArgumentException(
          name + " must be " + HASH_LENGTH + " bytes, was " + hash.length);
    }
    return hash;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
