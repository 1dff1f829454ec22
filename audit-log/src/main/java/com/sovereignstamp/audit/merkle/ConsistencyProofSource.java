package com.sovereignstamp.audit.merkle;

/**
 * Supplies consistency proofs for a tree the caller does not hold, for instance the log server or a
 * witness that keeps a copy of the log. The source need not be trusted: every proof it returns is
 * checked against a trusted root. {@link MerkleTree#consistencyProof(long, long)} fits this
 * interface.
 */
@FunctionalInterface
public interface ConsistencyProofSource {

  /**
   * Returns the consistency proof between the trees of {@code oldSize} and {@code newSize} leaves,
   * {@code 0 <= oldSize <= newSize}.
   */
  ConsistencyProof consistencyProof(long oldSize, long newSize);
}
