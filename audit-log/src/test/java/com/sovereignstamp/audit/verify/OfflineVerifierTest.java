package com.sovereignstamp.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.export.ExportedLog;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.audit.testing.TestKeys;
import com.sovereignstamp.audit.verify.VerificationResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the verifier refuses, and how it reports it. */
class OfflineVerifierTest {
  private static SignedLog log;
  private static PublicKey trusted;

  @BeforeAll
  static void aSignedLog() throws Exception {
    trusted = TestKeys.signer().publicKey();
    // 40 entries signed, 2 more not yet covered
    log = SignedLog.random(new Random(7), TestKeys.signer(), 40, 2);
  }

  private static ExportedLog withCheckpoint(byte[] checkpoint) {
    ExportedLog e = log.export();
    return new ExportedLog(
        e.entries(),
        e.recordedLeafHashes(),
        Optional.of(checkpoint),
        e.checkpointLines(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private static ExportedLog withCheckpointLines(List<byte[]> lines) {
    ExportedLog e = log.export();
    return new ExportedLog(
        e.entries(),
        e.recordedLeafHashes(),
        e.checkpoint(),
        lines,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  @Test
  void anUntouchedLog_isWhole_andSaysWhatIsNotYetCovered() {
    VerificationResult result = OfflineVerifier.verify(log.export(), trusted);
    assertThat(result.outcome()).isEqualTo(Outcome.WHOLE);
    assertThat(result.summary()).isEqualTo("entries 0..39 reproduce the signed root");
    assertThat(result.describe())
        .startsWith("WHOLE: entries 0..39 reproduce the signed root\n")
        .contains("not yet covered by a checkpoint: 2 (entries 40..41)");
    JsonObject json = (JsonObject) CanonicalJson.parse(result.toJson());
    assertThat(((JsonString) json.get("outcome")).value()).isEqualTo("WHOLE");
  }

  @Test
  void anEditedCheckpoint_isRefused_asNotVerifyingWithTheTrustedKey() throws Exception {
    SignedCheckpoint signed = SignedCheckpoint.parse(log.latestCheckpoint());
    Checkpoint c = signed.checkpoint();
    Checkpoint edited = new Checkpoint(c.origin(), c.treeSize() - 1, c.rootHash(), c.time());
    byte[] forged =
        new SignedCheckpoint(edited, signed.keyId(), signed.signature()).toCanonicalJson();

    VerificationResult result = OfflineVerifier.verify(withCheckpoint(forged), trusted);
    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.summary())
        .startsWith("checkpoint signature does not verify with the trusted key");
    assertThat(result.checkpoint()).isEmpty();
    assertThat(result.exitStatus()).isEqualTo(1);
  }

  @Test
  void anotherTrustedKey_orACheckpointSignedByAnotherKey_isRefused() throws Exception {
    VerificationResult wrongKey =
        OfflineVerifier.verify(log.export(), TestKeys.stranger().publicKey());
    assertThat(wrongKey.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(wrongKey.summary())
        .startsWith("checkpoint signature does not verify with the trusted key");

    Checkpoint c = SignedCheckpoint.parse(log.latestCheckpoint()).checkpoint();
    byte[] byStranger = TestKeys.stranger().sign(c).toCanonicalJson();
    VerificationResult strangers = OfflineVerifier.verify(withCheckpoint(byStranger), trusted);
    assertThat(strangers.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(strangers.summary())
        .startsWith("checkpoint signature does not verify with the trusted key");
  }

  @Test
  void anUnreadableOrMissingCheckpoint_isInvalid() {
    VerificationResult unreadable =
        OfflineVerifier.verify(
            withCheckpoint("{\"no\":1}".getBytes(StandardCharsets.UTF_8)), trusted);
    assertThat(unreadable.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(unreadable.summary()).startsWith("the checkpoint is unreadable");

    ExportedLog e = log.export();
    ExportedLog none =
        new ExportedLog(
            e.entries(),
            e.recordedLeafHashes(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            List.of());
    assertThat(OfflineVerifier.verify(none, trusted).summary())
        .startsWith("no checkpoint to verify against");
  }

  @Test
  void aNonCanonicalEntryNotYetCovered_isNamed_andTheLogIsNotCalledWhole() {
    List<byte[]> entries = new ArrayList<>(log.entries());
    entries.set(41, "{ \"spaced\": true }".getBytes(StandardCharsets.UTF_8));
    VerificationResult result =
        OfflineVerifier.verify(log.export(entries, SignedLog.leafHashes(entries)), trusted);
    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.firstNonCanonicalEntry()).hasValue(41);
    assertThat(result.problems())
        .contains("entry 41 is not canonical JSON (it is not yet covered by a checkpoint)");
  }

  @Test
  void aCheckpointLineSignedByAnotherKey_isAProblem_andNotUsed() throws Exception {
    List<byte[]> lines = new ArrayList<>(log.checkpointLines());
    Checkpoint first = SignedCheckpoint.parse(lines.get(0)).checkpoint();
    lines.set(0, TestKeys.stranger().sign(first).toCanonicalJson());
    VerificationResult result = OfflineVerifier.verify(withCheckpointLines(lines), trusted);
    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.summary()).endsWith("but the export has problems");
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p).startsWith("checkpoints.jsonl line 0: signed by key"));
  }

  @Test
  void twoSignedCheckpointsOfOneSizeWithDifferentRoots_areReportedAsAFork() throws Exception {
    List<byte[]> lines = new ArrayList<>(log.checkpointLines());
    Checkpoint first = SignedCheckpoint.parse(lines.get(0)).checkpoint();
    Checkpoint other =
        new Checkpoint(first.origin(), first.treeSize(), RootHash.of(new byte[32]), first.time());
    lines.add(1, TestKeys.signer().sign(other).toCanonicalJson());
    VerificationResult result = OfflineVerifier.verify(withCheckpointLines(lines), trusted);
    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p).contains("disagree on the root"))
        .anySatisfy(p -> assertThat(p).contains("the signer signed two histories"));
  }

  @Test
  void anExportCutShortWithItsNewestCheckpoints_departsFromTheAuditorsOwnCheckpoint() {
    // the auditor kept the latest checkpoint (40 entries); the export lost the last 5 entries and
    // every checkpoint covering them
    List<byte[]> shortEntries = log.entries().subList(0, 35);
    ExportedLog cut =
        new ExportedLog(
            shortEntries,
            Optional.of(SignedLog.leafHashes(shortEntries)),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            List.of());
    VerificationResult result =
        OfflineVerifier.verify(cut, trusted, Optional.of(log.latestCheckpoint()));
    assertThat(result.outcome()).isEqualTo(Outcome.DEPARTS);
    assertThat(result.departure().orElseThrow().lastPossible()).isEqualTo(35);
    assertThat(result.summary()).contains("35");
  }

  @Test
  void theJsonVerdictOfADeparture_namesTheIndex() {
    List<byte[]> entries = new ArrayList<>(log.entries());
    entries.set(17, "{\"actor\":\"mallory\"}".getBytes(StandardCharsets.UTF_8));
    VerificationResult result =
        OfflineVerifier.verify(log.export(entries, SignedLog.leafHashes(log.entries())), trusted);
    String json = new String(result.toJson(), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"outcome\":\"DEPARTS\"")
        .contains("\"firstPossibleIndex\":17")
        .contains("\"lastPossibleIndex\":17")
        .contains("\"basis\":\"RECORDED_LEAF_HASHES\"");
    assertThat(result.describe())
        .startsWith("DEPARTS: the log departs from the signed checkpoint at entry 17");
  }
}
