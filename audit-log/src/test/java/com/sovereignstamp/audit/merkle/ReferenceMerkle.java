package com.sovereignstamp.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The RFC 9162 §2.1.1 definition of MTH, written as literally as possible, and test data. */
final class ReferenceMerkle {

  private ReferenceMerkle() {}

  static byte[] mth(List<byte[]> entries) {
    int n = entries.size();
    if (n == 0) {
      return TreeHashes.emptyRoot().bytes();
    }
    if (n == 1) {
      return TreeHashes.leafHash(entries.get(0));
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return TreeHashes.nodeHash(mth(entries.subList(0, k)), mth(entries.subList(k, n)));
  }

  static List<byte[]> entries(int count) {
    List<byte[]> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(("audit entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    return entries;
  }

  static MerkleTree treeOf(List<byte[]> entries) {
    MerkleTree tree = new MerkleTree();
    for (byte[] entry : entries) {
      tree.appendEntry(entry);
    }
    return tree;
  }

  static List<byte[]> leafHashes(List<byte[]> entries) {
    List<byte[]> hashes = new ArrayList<>(entries.size());
    for (byte[] entry : entries) {
      hashes.add(TreeHashes.leafHash(entry));
    }
    return hashes;
  }

  static byte[] randomHash(Random random) {
    byte[] hash = new byte[TreeHashes.HASH_LENGTH];
    random.nextBytes(hash);
    return hash;
  }
}
