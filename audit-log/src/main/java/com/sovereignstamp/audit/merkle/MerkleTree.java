package com.sovereignstamp.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory, append-only Merkle tree over leaf hashes, as defined in RFC 9162 §2.1: the root of
 * any size it has held, inclusion proofs (§2.1.3.1) and consistency proofs (§2.1.4.1).
 *
 * <h2>Representation and cost</h2>
 *
 * <p>The tree keeps, for every level {@code h}, the hashes of all <em>complete</em> subtrees of
 * {@code 2^h} leaves that start at a multiple of {@code 2^h}; level 0 holds the leaf hashes. An
 * append adds one leaf and the complete subtrees it closes: amortised one node hash, at most {@code
 * log2 n}. Memory is about {@code 2n} hashes.
 *
 * <p>Every subtree that the RFC's recursion (split at the largest power of two smaller than the
 * size) visits either is such a complete, aligned subtree – looked up in O(1) – or is split again.
 * Hence, for a tree of {@code n} leaves:
 *
 * <ul>
 *   <li>{@link #rootHash(long)}: at most {@code log2 n} node hashes, whatever the past size;
 *   <li>{@link #inclusionProof(long, long)} and {@link #consistencyProof(long, long)}: {@code O(log
 *       n)} lookups and at most {@code log2 n} node hashes, plus copying the path.
 * </ul>
 *
 * <p>Nothing is O(n) per call. The tree holds at most {@link #MAX_SIZE} leaves.
 *
 * <h2>Thread safety</h2>
 *
 * <p>The tree is safe for use from many threads. {@link #append(byte[])} is synchronized (it holds
 * the tree's write lock): concurrent appends are serialised and receive consecutive indexes in the
 * order they acquire the lock, each returning its own index. Reads (sizes, roots and proofs for any
 * size up to the current one) hold the read lock, run concurrently with each other and see every
 * append that returned before they started. Because the tree only grows, a root or proof for size
 * {@code s} is the same whenever it is asked for once the tree has reached {@code s} leaves.
 */
public final class MerkleTree {

  /** The largest number of leaves this in-memory tree holds. */
  public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

  /** {@code levels.get(h).get(i)} = hash of the complete subtree of leaves [i·2^h, (i+1)·2^h). */
  private final List<List<byte[]>> levels = new ArrayList<>();

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long size;

  /** Creates an empty tree. */
  public MerkleTree() {
    levels.add(new ArrayList<>());
  }

  /**
   * Appends a leaf hash and returns its index. Synchronized: see the class documentation.
   *
   * @param leafHash the leaf hash, 32 bytes (usually {@link TreeHashes#leafHash(byte[])}); copied
   * @return the zero-based index of the new leaf, equal to the size before the append
   * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes long
   * @throws IllegalStateException if the tree already holds {@link #MAX_SIZE} leaves
   */
  public long append(byte[] leafHash) {
    byte[] hash = TreeHashes.requireHash(leafHash, "leafHash").clone();
    Lock write = lock.writeLock();
    write.lock();
    try {
      if (size >= MAX_SIZE) {
        throw new IllegalStateException("the tree is full at " + MAX_SIZE + " leaves");
      }
      long index = size;
      levels.get(0).add(hash);
      // Close every complete subtree the new leaf finishes: while the node just added is a right
      // child, hash it with its left sibling into the level above.
      int level = 0;
      while (levels.get(level).size() % 2 == 0) {
        List<byte[]> nodes = levels.get(level);
        byte[] parent =
            TreeHashes.nodeHash(nodes.get(nodes.size() - 2), nodes.get(nodes.size() - 1));
        if (levels.size() == level + 1) {
          levels.add(new ArrayList<>());
        }
        levels.get(level + 1).add(parent);
        level++;
      }
      size = index + 1;
      return index;
    } finally {
      write.unlock();
    }
  }

  /**
   * Appends the leaf hash of an entry, {@link TreeHashes#leafHash(byte[])}, and returns its index.
   * Synchronized like {@link #append(byte[])}.
   */
  public long appendEntry(byte[] entry) {
    return append(TreeHashes.leafHash(entry));
  }

  /** Returns the current number of leaves. */
  public long size() {
    Lock read = lock.readLock();
    read.lock();
    try {
      return size;
    } finally {
      read.unlock();
    }
  }

  /**
   * Returns a copy of the leaf hash at {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not below the current size
   */
  public byte[] leafHash(long index) {
    Lock read = lock.readLock();
    read.lock();
    try {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("leaf " + index + " of a tree of " + size);
      }
      return levels.get(0).get((int) index).clone();
    } finally {
      read.unlock();
    }
  }

  /** Returns the root hash of the tree at its current size (the empty root if it has no leaves). */
  public RootHash rootHash() {
    Lock read = lock.readLock();
    read.lock();
    try {
      return rootAt(size);
    } finally {
      read.unlock();
    }
  }

  /**
   * Returns the root hash the tree had when it held {@code treeSize} leaves, MTH(D[0:treeSize]).
   *
   * @throws IllegalArgumentException if {@code treeSize} is negative or above the current size
   */
  public RootHash rootHash(long treeSize) {
    Lock read = lock.readLock();
    read.lock();
    try {
      requireSize(treeSize, "treeSize");
      return rootAt(treeSize);
    } finally {
      read.unlock();
    }
  }

  /**
   * Returns the inclusion proof of leaf {@code leafIndex} in the tree of {@code treeSize} leaves,
   * PATH(leafIndex, D[0:treeSize]) of RFC 9162 §2.1.3.1.
   *
   * @throws IllegalArgumentException unless {@code 0 <= leafIndex < treeSize <= size()}
   */
  public InclusionProof inclusionProof(long leafIndex, long treeSize) {
    Lock read = lock.readLock();
    read.lock();
    try {
      requireSize(treeSize, "treeSize");
      if (leafIndex < 0 || leafIndex >= treeSize) {
        throw new IllegalArgumentException(
            "leafIndex " + leafIndex + " is not in a tree of " + treeSize + " leaves");
      }
      List<byte[]> path = new ArrayList<>();
      inclusionPath(leafIndex, 0, treeSize, path);
      return new InclusionProof(leafIndex, treeSize, path);
    } finally {
      read.unlock();
    }
  }

  /**
   * Returns the consistency proof between the trees of {@code oldSize} and {@code newSize} leaves,
   * PROOF(oldSize, D[0:newSize]) of RFC 9162 §2.1.4.1. The proof is empty when {@code oldSize} is 0
   * or equals {@code newSize}: there is nothing to prove.
   *
   * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize <= size()}
   */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    Lock read = lock.readLock();
    read.lock();
    try {
      requireSize(newSize, "newSize");
      if (oldSize < 0 || oldSize > newSize) {
        throw new IllegalArgumentException(
            "oldSize " + oldSize + " must be between 0 and newSize " + newSize);
      }
      List<byte[]> path = new ArrayList<>();
      if (oldSize > 0 && oldSize < newSize) {
        subproof(oldSize, 0, newSize, true, path);
      }
      return new ConsistencyProof(oldSize, newSize, path);
    } finally {
      read.unlock();
    }
  }

  private void requireSize(long treeSize, String name) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          name + " " + treeSize + " must be between 0 and the current size " + size);
    }
  }

  private RootHash rootAt(long treeSize) {
    return treeSize == 0 ? TreeHashes.emptyRoot() : RootHash.of(subtreeHash(0, treeSize));
  }

  /**
   * MTH(D[start:start+count]) for a subtree the RFC recursion visits. Such a subtree starts at a
   * multiple of the smallest power of two not below {@code count}, so when {@code count} is a power
   * of two it is stored in {@link #levels}. The returned array must not be modified.
   */
  private byte[] subtreeHash(long start, long count) {
    if (Long.bitCount(count) == 1) {
      int level = Long.numberOfTrailingZeros(count);
      return levels.get(level).get((int) (start >>> level));
    }
    long split = largestPowerOfTwoBelow(count);
    return TreeHashes.nodeHash(
        subtreeHash(start, split), subtreeHash(start + split, count - split));
  }

  /** PATH(m, D[start:start+count]) of RFC 9162 §2.1.3.1, leaf level first. */
  private void inclusionPath(long m, long start, long count, List<byte[]> out) {
    if (count == 1) {
      return;
    }
    long split = largestPowerOfTwoBelow(count);
    if (m < split) {
      inclusionPath(m, start, split, out);
      out.add(subtreeHash(start + split, count - split));
    } else {
      inclusionPath(m - split, start + split, count - split, out);
      out.add(subtreeHash(start, split));
    }
  }

  /** SUBPROOF(m, D[start:start+count], b) of RFC 9162 §2.1.4.1, for 0 < m <= count. */
  private void subproof(long m, long start, long count, boolean wholeOldTree, List<byte[]> out) {
    if (m == count) {
      if (!wholeOldTree) {
        out.add(subtreeHash(start, count));
      }
      return;
    }
    long split = largestPowerOfTwoBelow(count);
    if (m <= split) {
      subproof(m, start, split, wholeOldTree, out);
      out.add(subtreeHash(start + split, count - split));
    } else {
      subproof(m - split, start + split, count - split, false, out);
      out.add(subtreeHash(start, split));
    }
  }

  /** The largest power of two strictly smaller than {@code n}, for {@code n >= 2}. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
