package com.sovereignstamp.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.testing.TestKeys;
import com.sovereignstamp.audit.verify.VerificationResult.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random logs, each tampered once within the signed part: a changed byte, a deleted, an inserted or
 * a swapped entry. The verifier must never call such a log whole; with the recorded leaf hashes
 * intact it names the first departing entry, with the leaf hashes rewritten to match it bounds that
 * entry exactly as tightly as the signed checkpoints allow.
 */
class OfflineVerifierPropertyTest {
  private static final int TRIALS = 60;

  enum Tampering {
    BYTE_CHANGED,
    DELETED,
    INSERTED,
    SWAPPED
  }

  private record Tampered(List<byte[]> entries, int firstDeparting) {}

  private static Tampered tamper(Tampering kind, List<byte[]> original, int covered, Random r) {
    List<byte[]> entries = new ArrayList<>(original);
    int i = r.nextInt(covered);
    switch (kind) {
      case BYTE_CHANGED -> {
        byte[] changed = entries.get(i).clone();
        changed[r.nextInt(changed.length)] ^= (byte) (1 + r.nextInt(255));
        entries.set(i, changed);
      }
      case DELETED -> entries.remove(i);
      case INSERTED -> entries.add(i, "{\"actor\":\"mallory\",\"op\":\"hide\"}".getBytes());
      case SWAPPED -> {
        if (covered < 2) {
          return tamper(Tampering.BYTE_CHANGED, original, covered, r);
        }
        i = r.nextInt(covered - 1);
        Collections.swap(entries, i, i + 1 + r.nextInt(covered - 1 - i));
      }
    }
    return new Tampered(entries, i);
  }

  private static void check(Tampering kind, long seed) throws Exception {
    Random r = new Random(seed);
    for (int trial = 0; trial < TRIALS; trial++) {
      SignedLog log = SignedLog.random(r, TestKeys.signer(), 1 + r.nextInt(120), r.nextInt(4));
      Tampered t = tamper(kind, log.entries(), (int) log.covered(), r);
      String context = kind + " at " + t.firstDeparting() + ", seed " + seed + " trial " + trial;

      // the recorded leaf hashes are as appended: the departing entry is named
      List<byte[]> recorded = SignedLog.leafHashes(log.entries());
      VerificationResult exact =
          OfflineVerifier.verify(log.export(t.entries(), recorded), TestKeys.signer().publicKey());
      assertThat(exact.outcome()).as(context).isEqualTo(Outcome.DEPARTS);
      Departure named = exact.departure().orElseThrow();
      assertThat(named.basis()).as(context).isEqualTo(Departure.Basis.RECORDED_LEAF_HASHES);
      assertThat(named.firstPossible()).as(context).isEqualTo(t.firstDeparting());
      assertThat(named.exact()).as(context).isTrue();

      // both columns rewritten: the signed checkpoints around it bound it, as tightly as they can
      List<byte[]> rewritten = SignedLog.leafHashes(t.entries());
      VerificationResult bounded =
          OfflineVerifier.verify(log.export(t.entries(), rewritten), TestKeys.signer().publicKey());
      assertThat(bounded.outcome()).as(context).isEqualTo(Outcome.DEPARTS);
      Departure bound = bounded.departure().orElseThrow();
      TreeSet<Long> sizes = log.boundingSizes();
      long last = Math.min(sizes.higher((long) t.firstDeparting()) - 1, t.entries().size());
      assertThat(bound.basis()).as(context).isEqualTo(Departure.Basis.CHECKPOINTS);
      assertThat(bound.firstPossible())
          .as(context)
          .isEqualTo(sizes.floor((long) t.firstDeparting()));
      assertThat(bound.lastPossible()).as(context).isEqualTo(last);
      assertThat(bounded.summary())
          .as(context)
          .contains(bound.exact() ? "at entry " + last : "at or before entry " + last);
    }
  }

  @Test
  void aChangedByte_isNamed_orBoundedByTheCheckpoints() throws Exception {
    check(Tampering.BYTE_CHANGED, 1);
  }

  @Test
  void aDeletedEntry_isNamed_orBoundedByTheCheckpoints() throws Exception {
    check(Tampering.DELETED, 2);
  }

  @Test
  void anInsertedEntry_isNamed_orBoundedByTheCheckpoints() throws Exception {
    check(Tampering.INSERTED, 3);
  }

  @Test
  void swappedEntries_areNamed_orBoundedByTheCheckpoints() throws Exception {
    check(Tampering.SWAPPED, 4);
  }

  @Test
  void untouchedRandomLogs_areWhole_withTheirUncoveredEntriesCounted() throws Exception {
    Random r = new Random(5);
    for (int trial = 0; trial < TRIALS; trial++) {
      int uncovered = r.nextInt(4);
      SignedLog log = SignedLog.random(r, TestKeys.signer(), 1 + r.nextInt(120), uncovered);
      VerificationResult result =
          OfflineVerifier.verify(log.export(), TestKeys.signer().publicKey());
      assertThat(result.outcome()).as(result.describe()).isEqualTo(Outcome.WHOLE);
      assertThat(result.coveredEntries()).isEqualTo(log.covered());
      assertThat(result.uncoveredEntries()).isEqualTo(uncovered);
      assertThat(result.exitStatus()).isZero();
    }
  }
}
