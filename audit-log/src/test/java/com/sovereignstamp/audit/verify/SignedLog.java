package com.sovereignstamp.audit.verify;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.export.ExportedLog;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.TreeHashes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * A random log as an export holds it, built in memory: canonical entries, their leaf hashes, signed
 * checkpoints at random sizes (the last one covering {@code covered} entries) and a few entries
 * after it that no checkpoint covers yet.
 */
record SignedLog(
    List<byte[]> entries, List<Long> checkpointSizes, List<byte[]> checkpointLines, long covered) {

  static SignedLog random(Random random, CheckpointSigner signer, int covered, int uncovered) {
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < covered + uncovered; i++) {
      entries.add(
          CanonicalJson.serialize(
              CanonicalJson.object()
                  .put("actor", "user-" + random.nextInt(1000))
                  .put("i", i)
                  .put("op", random.nextBoolean() ? "encrypt" : "decrypt")
                  .build()));
    }
    TreeSet<Long> sizes = new TreeSet<>();
    for (int k = random.nextInt(6); k > 0 && covered > 1; k--) {
      sizes.add(1L + random.nextInt(covered - 1));
    }
    sizes.add((long) covered);
    MerkleTree tree = new MerkleTree();
    entries.forEach(tree::appendEntry);
    List<byte[]> lines = new ArrayList<>();
    Instant time = Instant.parse("2026-11-28T12:00:00Z");
    for (long size : sizes) {
      time = time.plusSeconds(60);
      lines.add(
          signer
              .sign(new Checkpoint("bridge.test", size, tree.rootHash(size), time))
              .toCanonicalJson());
    }
    return new SignedLog(entries, List.copyOf(sizes), lines, covered);
  }

  /** Every signed size, with the empty tree: what the checkpoints can bound a departure by. */
  TreeSet<Long> boundingSizes() {
    TreeSet<Long> sizes = new TreeSet<>(checkpointSizes);
    sizes.add(0L);
    return sizes;
  }

  byte[] latestCheckpoint() {
    return checkpointLines.get(checkpointLines.size() - 1);
  }

  ExportedLog export() {
    return export(entries, leafHashes(entries));
  }

  /** The export of other entries with the given recorded leaf hashes and these checkpoints. */
  ExportedLog export(List<byte[]> claimedEntries, List<byte[]> recordedLeafHashes) {
    return new ExportedLog(
        claimedEntries,
        Optional.of(recordedLeafHashes),
        Optional.of(latestCheckpoint()),
        checkpointLines,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  static List<byte[]> leafHashes(List<byte[]> entries) {
    return entries.stream().map(TreeHashes::leafHash).toList();
  }
}
