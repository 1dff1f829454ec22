package com.sovereignstamp.bridge.testing;

import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's log for witness tests: entries in a real Merkle tree, checkpoints signed with the
 * client's key, consistency proofs from the tree. Immutable; the methods return changed copies.
 */
public final class SignedTestLog {
  private static final Instant EPOCH = Instant.parse("2026-03-01T09:00:00Z");

  private final String origin;
  private final CheckpointSigner signer;
  private final List<String> entries;

  private SignedTestLog(String origin, CheckpointSigner signer, List<String> entries) {
    this.origin = origin;
    this.signer = signer;
    this.entries = List.copyOf(entries);
  }

  public static SignedTestLog empty(String origin, CheckpointSigner signer) {
    return new SignedTestLog(origin, signer, List.of());
  }

  /** The log with {@code n} more entries. */
  public SignedTestLog grow(int n) {
    List<String> more = new ArrayList<>(entries);
    for (int i = 0; i < n; i++) {
      more.add("{\"event\":\"entry " + more.size() + "\"}");
    }
    return new SignedTestLog(origin, signer, more);
  }

  /** The same log with one entry replaced: a rewritten history. */
  public SignedTestLog rewrite(int index) {
    List<String> changed = new ArrayList<>(entries);
    changed.set(index, "{\"event\":\"rewritten " + index + "\"}");
    return new SignedTestLog(origin, signer, changed);
  }

  /** The log cut down to its first {@code size} entries. */
  public SignedTestLog truncate(int size) {
    return new SignedTestLog(origin, signer, entries.subList(0, size));
  }

  /** The same entries, with checkpoints of another log or signed by another key. */
  public SignedTestLog as(String otherOrigin, CheckpointSigner otherSigner) {
    return new SignedTestLog(otherOrigin, otherSigner, entries);
  }

  public int size() {
    return entries.size();
  }

  public MerkleTree tree() {
    MerkleTree tree = new MerkleTree();
    entries.forEach(e -> tree.appendEntry(e.getBytes(StandardCharsets.UTF_8)));
    return tree;
  }

  public Checkpoint unsignedCheckpoint() {
    return new Checkpoint(origin, size(), tree().rootHash(), EPOCH.plusSeconds(size()));
  }

  public SignedCheckpoint checkpoint() {
    return signer.sign(unsignedCheckpoint());
  }

  /** The consistency proof from the log's first {@code oldSize} entries to all of them. */
  public List<byte[]> proofFrom(long oldSize) {
    return tree().consistencyProof(oldSize, size()).path();
  }
}
