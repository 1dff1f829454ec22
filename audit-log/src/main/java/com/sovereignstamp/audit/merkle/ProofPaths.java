package com.sovereignstamp.audit.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Deep copies, content equality and hex rendering of proof paths (lists of 32-byte hashes). */
final class ProofPaths {

  private ProofPaths() {}

  static List<byte[]> copyOf(List<byte[]> path) {
    Objects.requireNonNull(path, "path");
    List<byte[]> copy = new ArrayList<>(path.size());
    for (int i = 0; i < path.size(); i++) {
      copy.add(TreeHashes.requireHash(path.get(i), "path[" + i + "]").clone());
    }
    return List.copyOf(copy);
  }

  static boolean equal(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static int hashCode(List<byte[]> path) {
    int result = 1;
    for (byte[] hash : path) {
      result = 31 * result + Arrays.hashCode(hash);
    }
    return result;
  }

  static String toString(List<byte[]> path) {
    HexFormat hex = HexFormat.of();
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < path.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(hex.formatHex(path.get(i)));
    }
    return out.append(']').toString();
  }
}
