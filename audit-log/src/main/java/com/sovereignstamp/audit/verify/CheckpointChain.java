package com.sovereignstamp.audit.verify;

import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.export.ExportFiles;
import com.sovereignstamp.audit.merkle.RootHash;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The export's earlier checkpoints ({@value ExportFiles#CHECKPOINTS}) that may bound a departure:
 * each one's signature verified with the trusted key, for the same log, covering no more entries
 * than the trusted checkpoint. Whatever is wrong with the list becomes a problem.
 */
final class CheckpointChain {
  /** A verified checkpoint and the line of {@value ExportFiles#CHECKPOINTS} it came from. */
  record Link(int line, Checkpoint checkpoint) {
    long treeSize() {
      return checkpoint.treeSize();
    }

    RootHash rootHash() {
      return checkpoint.rootHash();
    }
  }

  private CheckpointChain() {}

  static List<Link> verified(
      List<byte[]> lines, PublicKey trustedKey, SignedCheckpoint trusted, List<String> problems) {
    Checkpoint anchor = trusted.checkpoint();
    byte[] anchorBytes = trusted.toCanonicalJson();
    List<Link> links = new ArrayList<>();
    Map<Long, RootHash> rootBySize = new HashMap<>();
    boolean anchorListed = false;
    long previousSize = -1;
    long latestListed = -1;
    for (int line = 0; line < lines.size(); line++) {
      String where = ExportFiles.CHECKPOINTS + " line " + line;
      SignedCheckpoint signed;
      try {
        signed = SignedCheckpoint.parse(lines.get(line));
        CheckpointVerifier.verify(signed, trustedKey);
      } catch (CheckpointException e) {
        problems.add(where + ": " + e.getMessage() + "; not used");
        continue;
      }
      Checkpoint c = signed.checkpoint();
      if (!c.origin().equals(anchor.origin())) {
        problems.add(where + " is for log '" + c.origin() + "', not '" + anchor.origin() + "'");
        continue;
      }
      if (c.treeSize() < previousSize) {
        problems.add(
            where + " goes back from " + previousSize + " to " + c.treeSize() + " entries");
      }
      previousSize = Math.max(previousSize, c.treeSize());
      RootHash earlier = rootBySize.putIfAbsent(c.treeSize(), c.rootHash());
      if (earlier != null && !earlier.equals(c.rootHash())) {
        problems.add(
            where
                + ": two signed checkpoints of "
                + c.treeSize()
                + " entries disagree on the root (the signer signed two histories)");
      }
      anchorListed |= Arrays.equals(lines.get(line), anchorBytes);
      latestListed = Math.max(latestListed, c.treeSize());
      if (c.treeSize() <= anchor.treeSize()) {
        links.add(new Link(line, c));
      }
    }
    if (!anchorListed) {
      problems.add(
          "the checkpoint verified against ("
              + anchor.treeSize()
              + " entries) is not in "
              + ExportFiles.CHECKPOINTS);
    }
    if (latestListed > anchor.treeSize()) {
      problems.add(
          ExportFiles.CHECKPOINTS
              + " holds a later signed checkpoint ("
              + latestListed
              + " entries) than the one verified against ("
              + anchor.treeSize()
              + ")");
    }
    return links;
  }
}
