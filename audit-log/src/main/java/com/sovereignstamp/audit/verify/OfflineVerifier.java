package com.sovereignstamp.audit.verify;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.export.ExportFiles;
import com.sovereignstamp.audit.export.ExportedLog;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.audit.merkle.TamperLocator;
import com.sovereignstamp.audit.merkle.TreeHashes;
import com.sovereignstamp.audit.verify.VerificationResult.Outcome;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks an export against a signed checkpoint and a public key the auditor trusts, without the
 * database or the server.
 *
 * <ol>
 *   <li>The checkpoint (the auditor's own, or else the export's {@value ExportFiles#CHECKPOINT})
 *       must verify with the trusted key; otherwise the result is {@code INVALID}.
 *   <li>If the export's first {@code treeSize} entries reproduce its root, the log is {@code WHOLE}
 *       up to there; later entries are "not yet covered by a checkpoint".
 *   <li>If not, the departure is located. When the recorded leaf hashes reproduce the signed root
 *       they are authentic, and the first entry whose hash differs from its recorded one is the
 *       departing entry, named exactly. When they do not (both columns were rewritten), only the
 *       signed checkpoints of {@value ExportFiles#CHECKPOINTS} bound it: after the last one the
 *       entries still reproduce, at or before the first one they do not.
 *   <li>Every entry must be canonical JSON; the first that is not is named.
 * </ol>
 *
 * <p>Never throws for a bad export: every failure is part of the result.
 */
public final class OfflineVerifier {
  private OfflineVerifier() {}

  /** Verifies against the export's own {@value ExportFiles#CHECKPOINT}. */
  public static VerificationResult verify(ExportedLog export, PublicKey trustedKey) {
    return verify(export, trustedKey, Optional.empty());
  }

  /**
   * @param trustedCheckpoint a signed checkpoint the auditor holds (canonical JSON); the export's
   *     own when empty
   */
  public static VerificationResult verify(
      ExportedLog export, PublicKey trustedKey, Optional<byte[]> trustedCheckpoint) {
    List<String> problems = new ArrayList<>(export.problems());
    List<byte[]> entries = export.entries();
    OptionalLong nonCanonical = firstNonCanonical(entries);
    Optional<byte[]> checkpointBytes = trustedCheckpoint.or(export::checkpoint);
    if (checkpointBytes.isEmpty()) {
      return invalid(
          "no checkpoint to verify against: the export has no "
              + ExportFiles.CHECKPOINT
              + " and none was given",
          export,
          nonCanonical,
          problems);
    }
    SignedCheckpoint signed;
    try {
      signed = SignedCheckpoint.parse(checkpointBytes.get());
    } catch (CheckpointException e) {
      return invalid(
          "the checkpoint is unreadable: " + e.getMessage(), export, nonCanonical, problems);
    }
    try {
      CheckpointVerifier.verify(signed, trustedKey);
    } catch (CheckpointException e) {
      return invalid(
          "checkpoint signature does not verify with the trusted key (" + e.getMessage() + ")",
          export,
          nonCanonical,
          problems);
    }
    Checkpoint anchor = signed.checkpoint();
    List<CheckpointChain.Link> chain =
        CheckpointChain.verified(export.checkpointLines(), trustedKey, signed, problems);
    MerkleTree claimed = treeOf(entries, entries.size());
    long n = anchor.treeSize();
    nonCanonical.ifPresent(
        i ->
            problems.add(
                "entry "
                    + i
                    + " is not canonical JSON"
                    + (i >= n ? " (it is not yet covered by a checkpoint)" : "")));

    if (entries.size() >= n && claimed.rootHash(n).equals(anchor.rootHash())) {
      for (CheckpointChain.Link link : chain) {
        if (!claimed.rootHash(link.treeSize()).equals(link.rootHash())) {
          problems.add(
              "the signed checkpoint of "
                  + link.treeSize()
                  + " entries ("
                  + ExportFiles.CHECKPOINTS
                  + " line "
                  + link.line()
                  + ") is not reproduced by entries that reproduce the later one:"
                  + " the signer signed two histories");
        }
      }
      String covered =
          n == 0
              ? "the signed checkpoint covers no entries yet"
              : "entries 0.." + (n - 1) + " reproduce the signed root";
      return new VerificationResult(
          problems.isEmpty() ? Outcome.WHOLE : Outcome.INVALID,
          problems.isEmpty() ? covered : covered + ", but the export has problems",
          Optional.of(anchor),
          entries.size(),
          Optional.empty(),
          nonCanonical,
          problems);
    }
    Departure departure = locate(export, claimed, anchor, chain);
    return new VerificationResult(
        Outcome.DEPARTS,
        describe(departure, export, anchor),
        Optional.of(anchor),
        entries.size(),
        Optional.of(departure),
        nonCanonical,
        problems);
  }

  private static Departure locate(
      ExportedLog export, MerkleTree claimed, Checkpoint anchor, List<CheckpointChain.Link> chain) {
    List<byte[]> entries = export.entries();
    int n = (int) anchor.treeSize();
    Optional<List<byte[]>> recorded = export.recordedLeafHashes();
    if (recorded.isPresent() && authentic(recorded.get(), anchor)) {
      long at =
          TamperLocator.firstDifference(
                  recorded.get().subList(0, n), entries.subList(0, Math.min(n, entries.size())))
              .orElseThrow(); // cannot be empty: the entries do not reproduce the root
      return new Departure(at, at, Departure.Basis.RECORDED_LEAF_HASHES);
    }
    // The signed sizes known: the empty tree, the verified earlier checkpoints, the trusted one.
    List<Checkpoint> signedSizes = new ArrayList<>();
    signedSizes.add(new Checkpoint(anchor.origin(), 0, TreeHashes.emptyRoot(), anchor.time()));
    chain.forEach(link -> signedSizes.add(link.checkpoint()));
    signedSizes.add(anchor);
    long lastReproduced = 0;
    for (Checkpoint c : signedSizes) {
      if (reproduces(claimed, c)) {
        lastReproduced = Math.max(lastReproduced, c.treeSize());
      }
    }
    long firstNotReproduced = n;
    for (Checkpoint c : signedSizes) {
      if (c.treeSize() > lastReproduced && !reproduces(claimed, c)) {
        firstNotReproduced = Math.min(firstNotReproduced, c.treeSize());
      }
    }
    return new Departure(
        lastReproduced,
        Math.min(firstNotReproduced - 1, entries.size()),
        Departure.Basis.CHECKPOINTS);
  }

  private static boolean reproduces(MerkleTree claimed, Checkpoint c) {
    return c.treeSize() <= claimed.size() && claimed.rootHash(c.treeSize()).equals(c.rootHash());
  }

  private static boolean authentic(List<byte[]> leafHashes, Checkpoint anchor) {
    if (leafHashes.size() < anchor.treeSize()) {
      return false;
    }
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < anchor.treeSize(); i++) {
      tree.append(leafHashes.get(i));
    }
    RootHash root = tree.rootHash();
    return root.equals(anchor.rootHash());
  }

  private static String describe(Departure d, ExportedLog export, Checkpoint anchor) {
    long held = export.entries().size();
    if (d.exact()) {
      long i = d.firstPossible();
      String intact = i == 0 ? "" : "; entries 0.." + (i - 1) + " are as signed";
      if (i == held) {
        return "the log departs from the signed checkpoint at entry "
            + i
            + ": the export ends there but the checkpoint covers "
            + anchor.treeSize()
            + " entries (entries were deleted)"
            + intact;
      }
      return "the log departs from the signed checkpoint at entry "
          + i
          + " (edited, deleted, inserted or moved)"
          + intact;
    }
    String why =
        export.recordedLeafHashes().isPresent()
            ? "the recorded leaf hashes do not reproduce the signed root (they were rewritten too)"
            : "the export has no usable recorded leaf hashes";
    String after =
        d.firstPossible() == 0
            ? "at or before entry " + d.lastPossible() + " (no earlier checkpoint is reproduced)"
            : "after entry "
                + (d.firstPossible() - 1)
                + " (the checkpoint of "
                + d.firstPossible()
                + " entries is still reproduced) and at or before entry "
                + d.lastPossible();
    return "the log departs from the signed checkpoints "
        + after
        + "; "
        + why
        + ", so the checkpoints bound the departure but cannot name the entry";
  }

  private static VerificationResult invalid(
      String summary, ExportedLog export, OptionalLong nonCanonical, List<String> problems) {
    return new VerificationResult(
        Outcome.INVALID,
        summary,
        Optional.empty(),
        export.entries().size(),
        Optional.empty(),
        nonCanonical,
        problems);
  }

  private static OptionalLong firstNonCanonical(List<byte[]> entries) {
    for (int i = 0; i < entries.size(); i++) {
      if (!CanonicalJson.isCanonical(entries.get(i))) {
        return OptionalLong.of(i);
      }
    }
    return OptionalLong.empty();
  }

  private static MerkleTree treeOf(List<byte[]> entries, int count) {
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < count; i++) {
      tree.appendEntry(entries.get(i));
    }
    return tree;
  }
}
