package com.sovereignstamp.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Document content made up on the fly: pseudo-random, so that neither the appliance's ciphertext
 * nor the baseline's plaintext compresses in the database (PostgreSQL would otherwise compress the
 * plaintext rows and store less), and reproducible from a seed, so that a download can be checked
 * against the upload without keeping it. The content is a sequence of {@link #BLOCK}-byte blocks,
 * block {@code k} drawn from its own generator: the same bytes whatever the reader's chunking.
 */
final class GeneratedContent {
  static final int BLOCK = 64 * 1024;

  private final long seed;
  private final long size;
  private byte[] sha256;

  GeneratedContent(long seed, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
    this.seed = seed;
    this.size = size;
  }

  long size() {
    return size;
  }

  int blocks() {
    return Math.toIntExact((size + BLOCK - 1) / BLOCK);
  }

  /**
   * Fills {@code into} (at least {@link #BLOCK} long) with block {@code k}.
   *
   * @return the block's length ({@link #BLOCK}, or less for the last)
   */
  int block(int k, byte[] into) {
    long from = (long) k * BLOCK;
    if (k < 0 || from >= size) {
      throw new IndexOutOfBoundsException("no block " + k);
    }
    int length = (int) Math.min(BLOCK, size - from);
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long v = random.nextLong();
      for (int b = 0; b < 8; b++) {
        into[i + b] = (byte) (v >>> (8 * b));
      }
    }
    if (i < length) {
      long v = random.nextLong();
      for (int b = 0; i < length; i++, b++) {
        into[i] = (byte) (v >>> (8 * b));
      }
    }
    return length;
  }

  /** The whole content (for small sizes). */
  byte[] bytes() {
    byte[] all = new byte[Math.toIntExact(size)];
    byte[] block = new byte[BLOCK];
    for (int k = 0; k < blocks(); k++) {
      int n = block(k, block);
      System.arraycopy(block, 0, all, k * BLOCK, n);
    }
    return all;
  }

  /** SHA-256 of the whole content (computed once). */
  synchronized byte[] sha256() {
    if (sha256 == null) {
      MessageDigest digest = sha256Digest();
      byte[] block = new byte[BLOCK];
      for (int k = 0; k < blocks(); k++) {
        digest.update(block, 0, block(k, block));
      }
      sha256 = digest.digest();
    }
    return sha256.clone();
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
