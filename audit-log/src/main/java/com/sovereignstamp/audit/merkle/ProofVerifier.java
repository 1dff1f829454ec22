package com.sovereignstamp.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies inclusion and consistency proofs with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.
 *
 * <p>Every method returns normally only if the proof holds and otherwise throws a {@link
 * ProofException} naming the failed check. Before running an algorithm the verifier checks that the
 * path has exactly the length a proof for the given index and sizes must have, so a path with an
 * element added or removed is always rejected, whatever its content.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProofVerifier {

  private ProofVerifier() {}

  /**
   * Verifies that {@code leafHash} is the leaf at {@code proof.leafIndex()} of the tree of {@code
   * proof.treeSize()} leaves whose root is {@code root} (RFC 9162 §2.1.3.2).
   *
   * @param leafHash the hash of the leaf, {@link TreeHashes#leafHash(byte[])} of the entry
   * @param proof the inclusion proof
   * @param root the trusted root hash of the tree of {@code proof.treeSize()} leaves
   * @throws ProofException if the index is outside the tree, the path has the wrong length or the
   *     recomputed root is not {@code root}
   */
  public static void verifyInclusion(byte[] leafHash, InclusionProof proof, RootHash root)
      throws ProofException {
    Objects.requireNonNull(root, "root");
    RootHash computed = rootFromInclusionProof(leafHash, proof);
    if (!computed.equals(root)) {
      throw new ProofException(
          "inclusion proof for leaf "
              + proof.leafIndex()
              + " of "
              + proof.treeSize()
              + " leads to root "
              + computed
              + ", not the expected "
              + root);
    }
  }

  /**
   * Computes the root that an inclusion proof implies for {@code leafHash}: steps 1–4 of RFC 9162
   * §2.1.3.2. The result means nothing until compared with a trusted root; prefer {@link
   * #verifyInclusion(byte[], InclusionProof, RootHash)}.
   *
   * @throws ProofException if the index is outside the tree or the path has the wrong length
   */
  public static RootHash rootFromInclusionProof(byte[] leafHash, InclusionProof proof)
      throws ProofException {
    TreeHashes.requireHash(leafHash, "leafHash");
    Objects.requireNonNull(proof, "proof");
    long index = proof.leafIndex();
    long treeSize = proof.treeSize();
    if (index >= treeSize) {
      throw new ProofException("leaf index " + index + " is not in a tree of " + treeSize);
    }
    List<byte[]> path = proof.path();
    int expected = inclusionPathLength(index, treeSize);
    if (path.size() != expected) {
      throw new ProofException(
          "inclusion proof for leaf "
              + index
              + " of "
              + treeSize
              + " must have "
              + expected
              + " hashes, has "
              + path.size());
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        throw new ProofException("inclusion proof is longer than the tree is high");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHashes.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = TreeHashes.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException("inclusion proof is shorter than the tree is high");
    }
    return RootHash.of(r);
  }

  /**
   * Verifies that the tree of {@code proof.oldSize()} leaves with root {@code oldRoot} is a prefix
   * of the tree of {@code proof.newSize()} leaves with root {@code newRoot} (RFC 9162 §2.1.4.2).
   *
   * <p>Edge cases: when the sizes are equal the proof must be empty and the roots equal; when
   * {@code oldSize} is 0 the proof must be empty and {@code oldRoot} must be the empty-tree root
   * (the empty tree is a prefix of every tree).
   *
   * @throws ProofException if {@code oldSize > newSize}, the path has the wrong length, or the
   *     recomputed roots differ from {@code oldRoot} or {@code newRoot}
   */
  public static void verifyConsistency(ConsistencyProof proof, RootHash oldRoot, RootHash newRoot)
      throws ProofException {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(oldRoot, "oldRoot");
    Objects.requireNonNull(newRoot, "newRoot");
    long first = proof.oldSize();
    long second = proof.newSize();
    List<byte[]> path = proof.path();
    if (first > second) {
      throw new ProofException(
          "old size " + first + " is larger than new size " + second + ": trees only grow");
    }
    if (first == second || first == 0) {
      if (!path.isEmpty()) {
        throw new ProofException(
            "consistency proof from "
                + first
                + " to "
                + second
                + " must be empty, has "
                + path.size()
                + " hashes");
      }
      RootHash expectedOld = first == 0 ? TreeHashes.emptyRoot() : newRoot;
      if (!oldRoot.equals(expectedOld)) {
        throw new ProofException(
            first == 0
                ? "old root of an empty tree must be " + expectedOld + ", was " + oldRoot
                : "trees of equal size " + first + " have different roots");
      }
      return;
    }
    int expected = consistencyPathLength(first, second);
    if (path.size() != expected) {
      throw new ProofException(
          "consistency proof from "
              + first
              + " to "
              + second
              + " must have "
              + expected
              + " hashes, has "
              + path.size());
    }
    // RFC 9162 §2.1.4.2, steps 1-7.
    List<byte[]> hashes = new ArrayList<>(path.size() + 1);
    if (Long.bitCount(first) == 1) {
      hashes.add(oldRoot.bytes());
    }
    hashes.addAll(path);
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = hashes.get(0);
    byte[] sr = hashes.get(0);
    for (byte[] c : hashes.subList(1, hashes.size())) {
      if (sn == 0) {
        throw new ProofException("consistency proof is longer than the new tree is high");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHashes.nodeHash(c, fr);
        sr = TreeHashes.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = TreeHashes.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException("consistency proof is shorter than the new tree is high");
    }
    if (!oldRoot.matches(fr)) {
      throw new ProofException(
          "consistency proof from "
              + first
              + " to "
              + second
              + " does not reproduce the old root "
              + oldRoot);
    }
    if (!newRoot.matches(sr)) {
      throw new ProofException(
          "consistency proof from "
              + first
              + " to "
              + second
              + " does not reproduce the new root "
              + newRoot);
    }
  }

  /**
   * The number of hashes in PATH(index, D[0:treeSize]): one per level below the point where the
   * paths to {@code index} and to the last leaf part, plus one per left sibling above it.
   */
  static int inclusionPathLength(long index, long treeSize) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (treeSize - 1));
    return inner + Long.bitCount(index >>> inner);
  }

  /**
   * The number of hashes in PROOF(oldSize, D[0:newSize]) for {@code 0 < oldSize < newSize}: the
   * inclusion path of the old tree's last leaf, without the levels inside the largest complete
   * subtree that ends the old tree, plus that subtree's own hash unless it is the whole old tree.
   */
  static int consistencyPathLength(long oldSize, long newSize) {
    long last = oldSize - 1;
    int inner = 64 - Long.numberOfLeadingZeros(last ^ (newSize - 1));
    int border = Long.bitCount(last >>> inner);
    int shift = Long.numberOfTrailingZeros(oldSize);
    int seed = Long.bitCount(oldSize) == 1 ? 0 : 1;
    return seed + (inner - shift) + border;
  }
}
