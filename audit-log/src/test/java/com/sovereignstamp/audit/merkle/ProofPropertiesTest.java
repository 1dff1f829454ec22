package com.sovereignstamp.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every proof the tree makes verifies; every altered proof, root, index or size is rejected. */
class ProofPropertiesTest {

  private static final int SMALL = 64;
  private static final MerkleTree TREE = ReferenceMerkle.treeOf(ReferenceMerkle.entries(SMALL));

  @Test
  void rootOfEveryTreeUpTo64_equalsTheRfcDefinition() {
    List<byte[]> entries = ReferenceMerkle.entries(SMALL);
    for (int size = 0; size <= SMALL; size++) {
      assertThat(TREE.rootHash(size).bytes())
          .as("size %d", size)
          .isEqualTo(ReferenceMerkle.mth(entries.subList(0, size)));
    }
  }

  @Test
  void inclusionProofForEveryLeafOfEveryTreeUpTo64_verifies() throws ProofException {
    int verified = 0;
    for (long size = 1; size <= SMALL; size++) {
      RootHash root = TREE.rootHash(size);
      for (long index = 0; index < size; index++) {
        ProofVerifier.verifyInclusion(TREE.leafHash(index), TREE.inclusionProof(index, size), root);
        verified++;
      }
    }
    assertThat(verified).isEqualTo(SMALL * (SMALL + 1) / 2);
  }

  @Test
  void consistencyProofBetweenEveryPairOfSizesUpTo64_verifies() throws ProofException {
    for (long newSize = 0; newSize <= SMALL; newSize++) {
      for (long oldSize = 0; oldSize <= newSize; oldSize++) {
        ProofVerifier.verifyConsistency(
            TREE.consistencyProof(oldSize, newSize),
            TREE.rootHash(oldSize),
            TREE.rootHash(newSize));
      }
    }
  }

  @Test
  void proofsInRandomTreesOfUpToFourThousandLeaves_verify() throws ProofException {
    Random random = new Random(9162);
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < 4_096; i++) {
      tree.append(ReferenceMerkle.randomHash(random));
    }
    for (int trial = 0; trial < 2_000; trial++) {
      long newSize = 1 + random.nextInt(4_096);
      long oldSize = random.nextInt((int) newSize + 1);
      long index = random.nextInt((int) newSize);
      RootHash newRoot = tree.rootHash(newSize);
      ProofVerifier.verifyInclusion(
          tree.leafHash(index), tree.inclusionProof(index, newSize), newRoot);
      ProofVerifier.verifyConsistency(
          tree.consistencyProof(oldSize, newSize), tree.rootHash(oldSize), newRoot);
    }
  }

  @ParameterizedTest(name = "size {0}")
  @ValueSource(longs = {1_000, 1_023, 1_024, 1_025, 2_047, 3_001})
  void rootOfALargeTree_equalsTheRfcDefinition(long size) {
    List<byte[]> entries = ReferenceMerkle.entries((int) size);
    assertThat(ReferenceMerkle.treeOf(entries).rootHash().bytes())
        .isEqualTo(ReferenceMerkle.mth(entries));
  }

  @Test
  void inclusionProof_isRejectedAgainstAnyOtherRootIndexSizeOrPath() {
    for (long size = 1; size <= 32; size++) {
      RootHash root = TREE.rootHash(size);
      for (long index = 0; index < size; index++) {
        byte[] leaf = TREE.leafHash(index);
        InclusionProof proof = TREE.inclusionProof(index, size);
        for (InclusionProof altered : alteredInclusionProofs(proof)) {
          // A tree size is only meaningful with its root (they are signed together in a tree
          // head); the path alone does not bind the size, e.g. leaf 0 has paths of the same shape
          // in trees of 3 and 4 leaves. So a changed size is checked against that size's root.
          RootHash claimedRoot = TREE.rootHash(Math.min(altered.treeSize(), SMALL));
          assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, altered, claimedRoot))
              .isInstanceOf(ProofException.class);
        }
        for (long otherSize = 1; otherSize <= SMALL; otherSize++) {
          if (otherSize != size) {
            RootHash otherRoot = TREE.rootHash(otherSize);
            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, proof, otherRoot))
                .isInstanceOf(ProofException.class);
          }
        }
        byte[] otherLeaf = TreeHashes.leafHash(("not entry " + index).getBytes());
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(otherLeaf, proof, root))
            .isInstanceOf(ProofException.class);
      }
    }
  }

  @Test
  void consistencyProof_isRejectedAgainstAnyOtherRootSizeOrPath() {
    for (long newSize = 1; newSize <= 32; newSize++) {
      RootHash newRoot = TREE.rootHash(newSize);
      for (long oldSize = 0; oldSize <= newSize; oldSize++) {
        RootHash oldRoot = TREE.rootHash(oldSize);
        ConsistencyProof proof = TREE.consistencyProof(oldSize, newSize);
        for (ConsistencyProof altered : alteredConsistencyProofs(proof)) {
          RootHash claimedOld = TREE.rootHash(altered.oldSize());
          RootHash claimedNew = TREE.rootHash(altered.newSize());
          assertThatThrownBy(() -> ProofVerifier.verifyConsistency(altered, claimedOld, claimedNew))
              .isInstanceOf(ProofException.class);
        }
        for (long other = 0; other <= SMALL; other++) {
          RootHash otherRoot = TREE.rootHash(other);
          if (other != oldSize) {
            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, otherRoot, newRoot))
                .isInstanceOf(ProofException.class);
          }
          // From the empty tree there is nothing to prove: any new root is consistent with it.
          if (other != newSize && oldSize != 0) {
            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, oldRoot, otherRoot))
                .isInstanceOf(ProofException.class);
          }
        }
      }
    }
  }

  @Test
  void consistencyFromTheEmptyTree_acceptsAnyNewRootButOnlyTheEmptyOldRootAndAnEmptyPath() {
    RootHash empty = TreeHashes.emptyRoot();
    ConsistencyProof proof = TREE.consistencyProof(0, 10);

    assertThat(proof.path()).isEmpty();
    assertThatCode(() -> ProofVerifier.verifyConsistency(proof, empty, TREE.rootHash(10)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> ProofVerifier.verifyConsistency(proof, TREE.rootHash(1), TREE.rootHash(10)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("empty tree");
    ConsistencyProof padded = new ConsistencyProof(0, 10, List.of(TREE.leafHash(0)));
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(padded, empty, TREE.rootHash(10)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("must be empty");
  }

  @Test
  void consistencyBetweenEqualSizes_needsAnEmptyPathAndEqualRoots() {
    RootHash root = TREE.rootHash(7);
    assertThatCode(
            () ->
                ProofVerifier.verifyConsistency(new ConsistencyProof(7, 7, List.of()), root, root))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                ProofVerifier.verifyConsistency(
                    new ConsistencyProof(7, 7, List.of(TREE.leafHash(0))), root, root))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(
            () ->
                ProofVerifier.verifyConsistency(
                    new ConsistencyProof(7, 7, List.of()), root, TREE.rootHash(8)))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void consistencyProofForAShrinkingTree_isRejected() {
    ConsistencyProof backwards = new ConsistencyProof(8, 5, TREE.consistencyProof(5, 8).path());
    assertThatThrownBy(
            () -> ProofVerifier.verifyConsistency(backwards, TREE.rootHash(8), TREE.rootHash(5)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("trees only grow");
  }

  @Test
  void inclusionProofForAnIndexOutsideTheTree_isRejected() {
    InclusionProof outside = new InclusionProof(5, 5, TREE.inclusionProof(4, 5).path());
    assertThatThrownBy(
            () -> ProofVerifier.verifyInclusion(TREE.leafHash(4), outside, TREE.rootHash(5)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("not in a tree");
    InclusionProof emptyTree = new InclusionProof(0, 0, List.of());
    assertThatThrownBy(
            () -> ProofVerifier.verifyInclusion(TREE.leafHash(0), emptyTree, TREE.rootHash(0)))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void inclusionProofOfWrongLength_isRejectedBeforeAnyHashing() {
    InclusionProof proof = TREE.inclusionProof(3, 8);
    List<byte[]> longer = new ArrayList<>(proof.path());
    longer.add(TREE.leafHash(0));
    assertThatThrownBy(
            () ->
                ProofVerifier.verifyInclusion(
                    TREE.leafHash(3), new InclusionProof(3, 8, longer), TREE.rootHash(8)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("must have 3 hashes, has 4");
  }

  @Test
  void expectedPathLengths_matchWhatTheTreeProducesForEverySizeUpTo64() {
    for (long size = 1; size <= SMALL; size++) {
      for (long index = 0; index < size; index++) {
        assertThat(ProofVerifier.inclusionPathLength(index, size))
            .isEqualTo(TREE.inclusionProof(index, size).path().size());
      }
      for (long oldSize = 1; oldSize < size; oldSize++) {
        assertThat(ProofVerifier.consistencyPathLength(oldSize, size))
            .isEqualTo(TREE.consistencyProof(oldSize, size).path().size());
      }
    }
  }

  @Test
  void proofsInATreeOfAMillionLeaves_areShortAndVerify() throws ProofException {
    MerkleTree tree = new MerkleTree();
    Random random = new Random(6962);
    for (int i = 0; i < 1_000_000; i++) {
      tree.append(ReferenceMerkle.randomHash(random));
    }
    LongStream.of(1, 999_999, 524_288, 524_289, 777_777)
        .forEach(
            size -> {
              long index = size / 3;
              InclusionProof proof = tree.inclusionProof(index, size);
              assertThat(proof.path()).hasSizeLessThanOrEqualTo(20);
              assertThatCode(
                      () ->
                          ProofVerifier.verifyInclusion(
                              tree.leafHash(index), proof, tree.rootHash(size)))
                  .doesNotThrowAnyException();
              assertThatCode(
                      () ->
                          ProofVerifier.verifyConsistency(
                              tree.consistencyProof(size, 1_000_000),
                              tree.rootHash(size),
                              tree.rootHash()))
                  .doesNotThrowAnyException();
            });
  }

  /** The proof with another index or size, each path element changed, one added or removed. */
  private static List<InclusionProof> alteredInclusionProofs(InclusionProof proof) {
    List<InclusionProof> altered = new ArrayList<>();
    long index = proof.leafIndex();
    long size = proof.treeSize();
    for (long otherIndex = 0; otherIndex < size + 2; otherIndex++) {
      if (otherIndex != index) {
        altered.add(new InclusionProof(otherIndex, size, proof.path()));
      }
    }
    for (long otherSize = 0; otherSize <= size + 3; otherSize++) {
      if (otherSize != size) {
        altered.add(new InclusionProof(index, otherSize, proof.path()));
      }
    }
    for (List<byte[]> path : alteredPaths(proof.path())) {
      altered.add(new InclusionProof(index, size, path));
    }
    altered.removeIf(
        candidate ->
            candidate.leafIndex() < candidate.treeSize()
                && candidate.treeSize() <= SMALL
                && candidate.equals(
                    TREE.inclusionProof(candidate.leafIndex(), candidate.treeSize())));
    return altered;
  }

  private static List<ConsistencyProof> alteredConsistencyProofs(ConsistencyProof proof) {
    List<ConsistencyProof> altered = new ArrayList<>();
    long oldSize = proof.oldSize();
    long newSize = proof.newSize();
    for (long other = 0; other < newSize + 3; other++) {
      if (other != oldSize) {
        altered.add(new ConsistencyProof(other, newSize, proof.path()));
      }
      if (other != newSize) {
        altered.add(new ConsistencyProof(oldSize, other, proof.path()));
      }
    }
    for (List<byte[]> path : alteredPaths(proof.path())) {
      altered.add(new ConsistencyProof(oldSize, newSize, path));
    }
    // Changing a size can turn the proof into the genuine one for other sizes (from the empty
    // tree, or between equal sizes the path is empty); those prove a true statement.
    altered.removeIf(
        candidate ->
            candidate.oldSize() <= candidate.newSize()
                && candidate.equals(
                    TREE.consistencyProof(candidate.oldSize(), candidate.newSize())));
    return altered;
  }

  /** Each element with one bit flipped; one element added at each position; each one removed. */
  private static List<List<byte[]>> alteredPaths(List<byte[]> path) {
    List<List<byte[]>> altered = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      List<byte[]> flipped = new ArrayList<>(path);
      byte[] element = path.get(i).clone();
      element[i % element.length] ^= 0x01;
      flipped.set(i, element);
      altered.add(flipped);

      List<byte[]> removed = new ArrayList<>(path);
      removed.remove(i);
      altered.add(removed);
    }
    for (int i = 0; i <= path.size(); i++) {
      List<byte[]> added = new ArrayList<>(path);
      added.add(i, TreeHashes.leafHash(new byte[] {(byte) i}));
      altered.add(added);
    }
    return altered;
  }
}
