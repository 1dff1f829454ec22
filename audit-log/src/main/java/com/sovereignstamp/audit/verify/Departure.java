package com.sovereignstamp.audit.verify;

/**
 * Where a log departs from what was signed: the first entry that was edited, deleted, inserted or
 * moved has an index between {@code firstPossible} and {@code lastPossible} (inclusive). Entries
 * before {@code firstPossible} are as signed. An index equal to the number of entries the export
 * holds means entries are missing from there on.
 *
 * @param basis how it was located: exactly, by the recorded leaf hashes; or within the bounds that
 *     the signed checkpoints allow, when the leaf hashes were rewritten too
 */
public record Departure(long firstPossible, long lastPossible, Basis basis) {
  public enum Basis {
    /**
     * The leaf hashes recorded at append time reproduce the signed root, so each entry is named.
     */
    RECORDED_LEAF_HASHES,
    /** Only signed checkpoints bound it: the last one the log reproduces, the first it does not. */
    CHECKPOINTS
  }

  public Departure {
    if (firstPossible < 0 || lastPossible < firstPossible) {
      throw new IllegalArgumentException(
          "departure bounds " + firstPossible + ".." + lastPossible + " are not a range");
    }
  }

  /** Whether the departing entry is known exactly. */
  public boolean exact() {
    return firstPossible == lastPossible;
  }
}
