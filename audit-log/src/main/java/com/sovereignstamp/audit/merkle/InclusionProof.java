package com.sovereignstamp.audit.merkle;

import java.util.List;

/**
 * An inclusion proof (audit path) of RFC 9162 §2.1.3: the sibling hashes, from the leaf upwards,
 * that connect leaf {@code leafIndex} to the root of the tree of {@code treeSize} leaves.
 *
 * <p>Immutable: the path is deep-copied on construction and on access; equality compares the hash
 * bytes. Whether the index lies inside the tree and the path has the right length is checked by
 * {@link ProofVerifier}, not here, so a proof received from an untrusted source can always be
 * represented and then rejected with a reason.
 *
 * @param leafIndex zero-based index of the proven leaf
 * @param treeSize number of leaves of the tree the proof is for
 * @param path the sibling hashes, each 32 bytes, leaf level first
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

  /**
   * Creates the proof, copying the path.
   *
   * @throws IllegalArgumentException if an index or size is negative or a hash is not 32 bytes
   */
  public InclusionProof {
    if (leafIndex < 0 || treeSize < 0) {
      throw new IllegalArgumentException(
          "leafIndex and treeSize must be >= 0, were " + leafIndex + " and " + treeSize);
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
    return other instanceof InclusionProof that
        && leafIndex == that.leafIndex
        && treeSize == that.treeSize
        && ProofPaths.equal(path, that.path);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(leafIndex) + Long.hashCode(treeSize))
        + ProofPaths.hashCode(path);
  }

  @Override
  public String toString() {
    return "InclusionProof[leafIndex="
        + leafIndex
        + ", treeSize="
        + treeSize
        + ", path="
        + ProofPaths.toString(path)
        + "]";
  }
}
