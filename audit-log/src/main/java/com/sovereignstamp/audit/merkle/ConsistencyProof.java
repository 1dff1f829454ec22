package com.sovereignstamp.audit.merkle;

import java.util.List;

/**
 * A consistency proof of RFC 9162 §2.1.4: the subtree hashes that show the tree of {@code oldSize}
 * leaves is a prefix of the tree of {@code newSize} leaves. Empty when {@code oldSize} is 0 or
 * equal to {@code newSize}.
 *
 * <p>Immutable: the path is deep-copied on construction and on access; equality compares the hash
 * bytes. The relation between the sizes and the path length is checked by {@link ProofVerifier}.
 *
 * @param oldSize number of leaves of the earlier tree
 * @param newSize number of leaves of the later tree
 * @param path the subtree hashes, each 32 bytes, in the order of RFC 9162 §2.1.4.1
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> path) {

  /**
   * Creates the proof, copying the path.
   *
   * @throws IllegalArgumentException if a size is negative or a hash is not 32 bytes
   */
  public ConsistencyProof {
    if (oldSize < 0 || newSize < 0) {
      throw new IllegalArgumentException(
          "oldSize and newSize must be >= 0, were " + oldSize + " and " + newSize);
    }
    path = ProofPaths.copyOf(path);
  }

  /** Returns a deep copy of the path. */
  @Override
  public List<byte[]> path() {
    return ProofPaths.copyOf(path);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsistencyProof that
        && oldSize == that.oldSize
        && newSize == that.newSize
        && ProofPaths.equal(path, that.path);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(oldSize) + Long.hashCode(newSize)) + ProofPaths.hashCode(path);
  }

  @Override
  public String toString() {
    return "ConsistencyProof[oldSize="
        + oldSize
        + ", newSize="
        + newSize
        + ", path="
        + ProofPaths.toString(path)
        + "]";
  }
}
