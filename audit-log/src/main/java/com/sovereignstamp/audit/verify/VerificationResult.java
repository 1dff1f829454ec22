package com.sovereignstamp.audit.verify;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.checkpoint.Checkpoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verdict of the {@link OfflineVerifier} on one export.
 *
 * @param outcome {@code WHOLE}: the first {@code treeSize} entries reproduce the trusted signed
 *     root, every entry is canonical JSON and the export is well formed; {@code DEPARTS}: the
 *     entries do not reproduce it and {@code departure} says where they depart; {@code INVALID}:
 *     nothing to verify against (no checkpoint, or its signature does not verify with the trusted
 *     key) or the log is reproduced but something else is wrong ({@code problems})
 * @param summary one sentence saying the above
 * @param checkpoint the trusted checkpoint, once its signature has verified
 * @param entryCount how many entries the export holds
 * @param departure where the log departs, for {@code DEPARTS}
 * @param firstNonCanonicalEntry the first entry that is not RFC 8785 canonical JSON
 * @param problems what else is wrong, one sentence each; none for {@code WHOLE}
 */
public record VerificationResult(
    Outcome outcome,
    String summary,
    Optional<Checkpoint> checkpoint,
    long entryCount,
    Optional<Departure> departure,
    OptionalLong firstNonCanonicalEntry,
    List<String> problems) {

  public enum Outcome {
    WHOLE,
    DEPARTS,
    INVALID
  }

  public VerificationResult {
    problems = List.copyOf(problems);
  }

  /** Entries the trusted checkpoint covers. */
  public long coveredEntries() {
    return checkpoint.map(Checkpoint::treeSize).orElse(0L);
  }

  /** Entries after the trusted checkpoint: "not yet covered by a checkpoint". */
  public long uncoveredEntries() {
    return Math.max(0, entryCount - coveredEntries());
  }

  /** 0 for {@code WHOLE}, 1 otherwise: the exit status of {@code audit verify}. */
  public int exitStatus() {
    return outcome == Outcome.WHOLE ? 0 : 1;
  }

  /**
   * The verdict for a person: the outcome and summary, then the facts and problems, a line each.
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(outcome).append(": ").append(summary).append('\n');
    checkpoint.ifPresent(
        c ->
            out.append("  checkpoint: ")
                .append(c.treeSize())
                .append(" entries, origin ")
                .append(c.origin())
                .append(", signed for ")
                .append(c.time())
                .append(", root ")
                .append(c.rootHash().toHex())
                .append('\n'));
    out.append("  entries in the export: ").append(entryCount).append('\n');
    if (checkpoint.isPresent() && uncoveredEntries() > 0) {
      out.append("  not yet covered by a checkpoint: ")
          .append(uncoveredEntries())
          .append(" (entries ")
          .append(coveredEntries())
          .append("..")
          .append(entryCount - 1)
          .append(")\n");
    }
    for (String problem : problems) {
      out.append("  problem: ").append(problem).append('\n');
    }
    return out.toString();
  }

  /** The verdict as canonical JSON, for programs. */
  public byte[] toJson() {
    var json =
        CanonicalJson.object()
            .put("outcome", outcome.name())
            .put("summary", summary)
            .put("entryCount", entryCount)
            .put("coveredEntries", coveredEntries())
            .put("uncoveredEntries", uncoveredEntries());
    checkpoint.ifPresent(c -> json.put("checkpoint", c.toJson()));
    departure.ifPresent(
        d ->
            json.put(
                "departure",
                CanonicalJson.object()
                    .put("firstPossibleIndex", d.firstPossible())
                    .put("lastPossibleIndex", d.lastPossible())
                    .put("exact", d.exact())
                    .put("basis", d.basis().name())));
    firstNonCanonicalEntry.ifPresent(i -> json.put("firstNonCanonicalEntry", i));
    var list = CanonicalJson.array();
    problems.forEach(list::add);
    json.put("problems", list);
    JsonObject built = json.build();
    return CanonicalJson.serialize(built);
  }

  @Override
  public String toString() {
    return describe();
  }
}
