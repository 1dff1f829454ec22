package com.sovereignstamp.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  @Test
  void append_returnsConsecutiveIndexesAndGrowsTheSize() {
    MerkleTree tree = new MerkleTree();
    assertThat(tree.size()).isZero();
    for (long i = 0; i < 10; i++) {
      assertThat(tree.appendEntry(new byte[] {(byte) i})).isEqualTo(i);
      assertThat(tree.size()).isEqualTo(i + 1);
      assertThat(tree.leafHash(i)).isEqualTo(TreeHashes.leafHash(new byte[] {(byte) i}));
    }
  }

  @Test
  void rootOfAnEarlierSize_staysTheSameAsTheTreeGrows() {
    MerkleTree tree = new MerkleTree();
    List<RootHash> rootsWhenCurrent = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rootsWhenCurrent.add(tree.rootHash());
      tree.appendEntry(("e" + i).getBytes());
    }
    for (int size = 0; size < 100; size++) {
      assertThat(tree.rootHash(size)).isEqualTo(rootsWhenCurrent.get(size));
    }
  }

  @Test
  void append_rejectsAHashThatIsNot32BytesLong() {
    MerkleTree tree = new MerkleTree();
    assertThatThrownBy(() -> tree.append(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> tree.append(null)).isInstanceOf(NullPointerException.class);
    assertThat(tree.size()).isZero();
  }

  @Test
  void leafHashes_areCopiedInAndOut() {
    MerkleTree tree = new MerkleTree();
    byte[] leaf = TreeHashes.leafHash(new byte[] {1});
    tree.append(leaf);
    RootHash root = tree.rootHash();

    leaf[0] ^= 1;
    tree.leafHash(0)[0] ^= 1;
    tree.inclusionProof(0, 1);

    assertThat(tree.rootHash()).isEqualTo(root);
    assertThat(tree.leafHash(0)).isEqualTo(TreeHashes.leafHash(new byte[] {1}));
  }

  @Test
  void sizesAndIndexesOutsideTheTree_areRejected() {
    MerkleTree tree = ReferenceMerkle.treeOf(ReferenceMerkle.entries(5));
    assertThatThrownBy(() -> tree.rootHash(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.rootHash(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(5, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(0, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(-1, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(3, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.leafHash(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void consistencyProofs_areEmptyFromZeroAndBetweenEqualSizes() {
    MerkleTree tree = ReferenceMerkle.treeOf(ReferenceMerkle.entries(5));
    assertThat(tree.consistencyProof(0, 5).path()).isEmpty();
    assertThat(tree.consistencyProof(5, 5).path()).isEmpty();
    assertThat(tree.consistencyProof(0, 0).path()).isEmpty();
  }

  @Test
  void concurrentAppends_getDistinctIndexesAndConcurrentReadersAlwaysSeeValidProofs()
      throws Exception {
    int writers = 8;
    int perWriter = 2_000;
    MerkleTree tree = new MerkleTree();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Long>>> appended = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        appended.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> indexes = new ArrayList<>();
                  for (int i = 0; i < perWriter; i++) {
                    long index = tree.appendEntry(("w" + writer + "-" + i).getBytes());
                    indexes.add(index);
                    assertThat(tree.leafHash(index))
                        .isEqualTo(TreeHashes.leafHash(("w" + writer + "-" + i).getBytes()));
                  }
                  return indexes;
                }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(
            pool.submit(
                () -> {
                  start.await();
                  int checks = 0;
                  while (tree.size() < (long) writers * perWriter) {
                    long size = tree.size();
                    if (size < 2) {
                      continue;
                    }
                    long oldSize = size / 2;
                    long index = size - 1;
                    RootHash root = tree.rootHash(size);
                    ProofVerifier.verifyInclusion(
                        tree.leafHash(index), tree.inclusionProof(index, size), root);
                    ProofVerifier.verifyConsistency(
                        tree.consistencyProof(oldSize, size), tree.rootHash(oldSize), root);
                    checks++;
                  }
                  return checks;
                }));
      }
      start.countDown();

      Set<Long> indexes = new HashSet<>();
      for (Future<List<Long>> writer : appended) {
        indexes.addAll(writer.get(60, TimeUnit.SECONDS));
      }
      for (Future<Integer> reader : readers) {
        reader.get(60, TimeUnit.SECONDS);
      }
      assertThat(indexes).hasSize(writers * perWriter);
      assertThat(indexes).allMatch(i -> i >= 0 && i < (long) writers * perWriter);
      assertThat(tree.size()).isEqualTo((long) writers * perWriter);

      List<byte[]> leaves = new ArrayList<>();
      for (long i = 0; i < tree.size(); i++) {
        leaves.add(tree.leafHash(i));
      }
      MerkleTree sequential = new MerkleTree();
      leaves.forEach(sequential::append);
      assertThat(tree.rootHash()).isEqualTo(sequential.rootHash());
    } finally {
      pool.shutdownNow();
    }
  }
}
