package com.sovereignstamp.audit.merkle;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the offline verifier uses to check a claimed copy of the log (its entries, as bytes) against
 * trusted data, and to name the first entry at which the copy departs from it.
 *
 * <p>Indexes returned are zero-based. A departure at index {@code i} means entries {@code 0..i-1}
 * are authentic and entry {@code i} is altered, inserted, or missing (the claimed log ends at
 * {@code i}).
 *
 * <p>Stateless and thread-safe.
 */
public final class TamperLocator {

  private TamperLocator() {}

  /**
   * Returns whether the first {@code trustedSize} claimed entries reproduce {@code trustedRoot}.
   * False if the claimed log has fewer entries. Entries after {@code trustedSize} are not looked
   * at. Costs {@code trustedSize} leaf hashes and about as many node hashes.
   */
  public static boolean reproducesCheckpoint(
      List<byte[]> claimedEntries, long trustedSize, RootHash trustedRoot) {
    Objects.requireNonNull(claimedEntries, "claimedEntries");
    Objects.requireNonNull(trustedRoot, "trustedRoot");
    if (trustedSize < 0 || trustedSize > claimedEntries.size()) {
      return false;
    }
    return treeOf(claimedEntries, trustedSize).rootHash().equals(trustedRoot);
  }

  /**
   * Compares a claimed log with trusted leaf hashes entry by entry and returns the first index at
   * which they differ: the first {@code i} whose claimed entry does not hash to {@code
   * trustedLeafHashes.get(i)}, or, when one list is a prefix of the other, the length of the
   * shorter one. Empty if the claimed log reproduces the trusted leaves exactly.
   *
   * <p>For a one-entry change this names the changed entry; for a deletion, insertion or swap, the
   * first entry that moved.
   */
  public static OptionalLong firstDifference(
      List<byte[]> trustedLeafHashes, List<byte[]> claimedEntries) {
    Objects.requireNonNull(trustedLeafHashes, "trustedLeafHashes");
    Objects.requireNonNull(claimedEntries, "claimedEntries");
    int common = Math.min(trustedLeafHashes.size(), claimedEntries.size());
    for (int i = 0; i < common; i++) {
      byte[] claimed = TreeHashes.leafHash(claimedEntries.get(i));
      if (!MessageDigest.isEqual(trustedLeafHashes.get(i), claimed)) {
        return OptionalLong.of(i);
      }
    }
    if (trustedLeafHashes.size() != claimedEntries.size()) {
      return OptionalLong.of(common);
    }
    return OptionalLong.empty();
  }

  /**
   * Locates the first claimed entry that departs from a trusted checkpoint ({@code trustedSize},
   * {@code trustedRoot}) without the trusted leaves, using consistency proofs from an untrusted
   * {@code proofs} source that holds the original tree.
   *
   * <p>The claimed prefix of {@code j} entries is authentic exactly when its root is consistent
   * with the trusted root: a consistency proof from {@code j} to {@code trustedSize} verifies.
   * Since an authentic prefix has only authentic prefixes, the longest authentic prefix is found by
   * binary search: about {@code log2(trustedSize)} proofs, each verified in {@code O(log n)}, after
   * one pass hashing the claimed entries.
   *
   * <p>A source that returns wrong or no proofs (an exception from the source counts as a failed
   * proof) can only make the departure be reported earlier than it is; it can never make a tampered
   * log pass, because "no departure" is only returned when the claimed entries reproduce {@code
   * trustedRoot} themselves.
   *
   * @return empty if the first {@code trustedSize} claimed entries reproduce the trusted root,
   *     otherwise the index of the first entry that is altered, inserted, or missing
   */
  public static OptionalLong firstDeparture(
      List<byte[]> claimedEntries,
      long trustedSize,
      RootHash trustedRoot,
      ConsistencyProofSource proofs) {
    Objects.requireNonNull(claimedEntries, "claimedEntries");
    Objects.requireNonNull(trustedRoot, "trustedRoot");
    Objects.requireNonNull(proofs, "proofs");
    if (trustedSize < 0) {
      throw new IllegalArgumentException("trustedSize must be >= 0, was " + trustedSize);
    }
    long available = Math.min(trustedSize, claimedEntries.size());
    MerkleTree claimed = treeOf(claimedEntries, available);
    if (available == trustedSize && claimed.rootHash().equals(trustedRoot)) {
      return OptionalLong.empty();
    }
    // Invariant: the prefix of `good` entries is authentic, the prefix of `bad` entries is not
    // (or does not exist). The empty prefix is authentic; the full one was just refuted.
    long good = 0;
    long bad = available == trustedSize ? trustedSize : available + 1;
    while (bad - good > 1) {
      long mid = good + (bad - good) / 2;
      if (prefixIsAuthentic(claimed, mid, trustedSize, trustedRoot, proofs)) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return OptionalLong.of(good);
  }

  private static boolean prefixIsAuthentic(
      MerkleTree claimed,
      long prefix,
      long trustedSize,
      RootHash trustedRoot,
      ConsistencyProofSource proofs) {
    ConsistencyProof proof;
    try {
      proof = proofs.consistencyProof(prefix, trustedSize);
    } catch (RuntimeException unavailable) {
      return false;
    }
    if (proof == null || proof.oldSize() != prefix || proof.newSize() != trustedSize) {
      return false;
    }
    try {
      ProofVerifier.verifyConsistency(proof, claimed.rootHash(prefix), trustedRoot);
      return true;
    } catch (ProofException notConsistent) {
      return false;
    }
  }

  private static MerkleTree treeOf(List<byte[]> entries, long count) {
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < count; i++) {
      tree.appendEntry(entries.get(i));
    }
    return tree;
  }
}
