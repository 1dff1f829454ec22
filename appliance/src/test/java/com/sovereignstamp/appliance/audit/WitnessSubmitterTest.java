package com.sovereignstamp.appliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.appliance.audit.WitnessSubmitter.Result;
import com.sovereignstamp.appliance.persistence.AuditLogCheckpoints;
import com.sovereignstamp.appliance.persistence.AuditLogTrail;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.PemFileCheckpointSigner;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.fips.BcFips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Witness rounds on a real audit log (H2) with real checkpoint keys, against a hand-written witness
 * that checks proofs and co-signs as the bridge does.
 */
class WitnessSubmitterTest {
  private static final String ORIGIN = "sovereign-stamp/appliance/eu-de";

  @TempDir static Path keys;
  private static Path applianceKeyFile;
  private static CheckpointSigner witnessKey;
  private static CheckpointSigner strangerKey;

  private JdbcDataSource db;
  private AuditLog log;
  private AuditLogCheckpoints checkpoints;
  private RecordingTrail trail;
  private FakeWitness witness;
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void keys() throws Exception {
    applianceKeyFile = pkcs8(keys.resolve("appliance.key"));
    witnessKey = PemFileCheckpointSigner.open(pkcs8(keys.resolve("witness.key")));
    strangerKey = PemFileCheckpointSigner.open(pkcs8(keys.resolve("stranger.key")));
  }

  @BeforeEach
  void log() throws Exception {
    db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:witness-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    openLog();
    witness = new FakeWitness(witnessKey);
    Logger.getLogger(WitnessSubmitter.class.getName()).addHandler(handler);
  }

  @AfterEach
  void close() throws Exception {
    Logger.getLogger(WitnessSubmitter.class.getName()).removeHandler(handler);
    log.close();
  }

  @Test
  void firstRound_submitsTheWholeLogWithoutProof_andKeepsTheVerifiedCosignature() {
    operations(3);
    WitnessSubmitter submitter = submitter();

    assertThat(submitter.submit()).isEqualTo(Result.SUBMITTED);

    assertThat(witness.proofs).hasSize(1);
    assertThat(witness.proofs.get(0).oldSize()).isZero();
    assertThat(witness.proofs.get(0).path()).isEmpty();
    WitnessedCheckpoint w = submitter.lastWitnessed().orElseThrow();
    assertThat(w.size()).isEqualTo(3);
    assertThat(w.rootHash()).isEqualTo(log.tree().rootHash(3));
    assertThat(w.witness()).isEqualTo(FakeWitness.NAME);
    assertThat(w.signed().checkpoint().origin()).isEqualTo(ORIGIN);
    AuditEvent event = trail.last();
    assertThat(event.action()).isEqualTo("witness.submitted");
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(event.details())
        .containsEntry("treeSize", "3")
        .containsEntry("rootHash", base64(log.tree().rootHash(3)))
        .containsEntry("witness", FakeWitness.NAME)
        .containsEntry("witnessKeyId", witnessKey.keyId())
        .containsEntry("fromTreeSize", "0");
  }

  @Test
  void laterRounds_proveConsistencyFromWhatTheWitnessCosignedLast() {
    operations(3);
    WitnessSubmitter submitter = submitter();
    submitter.submit();
    operations(5);

    assertThat(submitter.submit()).isEqualTo(Result.SUBMITTED);

    // 3 operations, the witness event, 5 operations
    assertThat(submitter.lastWitnessed().orElseThrow().size()).isEqualTo(9);
    assertThat(witness.proofs.get(1).oldSize()).isEqualTo(3);
    assertThat(witness.proofs.get(1).newSize()).isEqualTo(9);
    assertThat(witness.proofs.get(1).path()).isNotEmpty();
    assertThat(witness.witnessedCount()).isEqualTo(2);
    assertThat(trail.last().details()).containsEntry("fromTreeSize", "3");
  }

  @Test
  void aLogWithNothingNewButItsOwnWitnessEvent_sendsNothing() {
    operations(2);
    WitnessSubmitter submitter = submitter();
    submitter.submit();
    int calls = witness.calls;
    int events = trail.events.size();

    assertThat(submitter.submit()).isEqualTo(Result.NOTHING_NEW);
    assertThat(submitter.submit()).isEqualTo(Result.NOTHING_NEW);

    assertThat(witness.calls).isEqualTo(calls);
    assertThat(trail.events).hasSize(events);
    assertThat(submitter.lastWitnessed().orElseThrow().size()).isEqualTo(2);
    // the log's own checkpoint still covers the witness event
    assertThat(checkpoints.latest().orElseThrow().checkpoint().treeSize()).isEqualTo(3);
  }

  @Test
  void afterARestart_theWitnessesLatestIsVerifiedAndExtended() throws Exception {
    operations(4);
    submitter().submit();
    log.close();
    openLog();
    operations(1);
    WitnessSubmitter restarted = submitter();

    assertThat(restarted.submit()).isEqualTo(Result.SUBMITTED);

    assertThat(witness.proofs.get(1).oldSize()).isEqualTo(4);
    assertThat(restarted.lastWitnessed().orElseThrow().size()).isEqualTo(6);
  }

  @Test
  void aWitnessThatRefusesTheHistory_raisesTheAlarm_andKeepsNothing() {
    operations(2);
    witness.refusal = "inconsistent-history";
    WitnessSubmitter submitter = submitter();

    assertThat(submitter.submit()).isEqualTo(Result.ALARM);

    assertThat(submitter.lastWitnessed()).isEmpty();
    AuditEvent event = trail.last();
    assertThat(event.action()).isEqualTo("witness.refused");
    assertThat(event.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(event.details())
        .containsEntry("reason", "inconsistent-history")
        .containsEntry("treeSize", "2");
    assertAlarmLogged("inconsistent-history");
  }

  @Test
  void aCosignatureByAnotherKey_isAnAlarm_andTheLastGoodOneStays() {
    operations(2);
    WitnessSubmitter submitter = submitter();
    submitter.submit();
    operations(2);
    witness.forgeWith = strangerKey;

    assertThat(submitter.submit()).isEqualTo(Result.ALARM);

    assertThat(submitter.lastWitnessed().orElseThrow().size()).isEqualTo(2);
    assertThat(trail.last().details())
        .containsEntry("reason", "cosignature-invalid")
        .containsEntry("witnessedTreeSize", "2");
    assertThat(trail.last().outcome()).isEqualTo(Outcome.FAILURE);
    assertAlarmLogged("cosignature-invalid");
  }

  @Test
  void aCosignatureOfAnotherCheckpoint_isAnAlarm() {
    operations(2);
    witness.cosignInstead =
        c -> new Checkpoint(c.origin(), c.treeSize(), RootHash.fromHex("00".repeat(32)), c.time());
    WitnessSubmitter submitter = submitter();

    assertThat(submitter.submit()).isEqualTo(Result.ALARM);

    assertThat(submitter.lastWitnessed()).isEmpty();
    assertThat(trail.last().details()).containsEntry("reason", "cosignature-mismatch");
  }

  @Test
  void aWitnessedCheckpointTheLogNoLongerReproduces_isAnAlarm_andNothingIsSubmitted() {
    operations(4);
    MerkleTree rewritten = new MerkleTree();
    for (int i = 0; i < 3; i++) {
      rewritten.appendEntry(("{\"rewritten\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    witness.latestInstead = witness.cosigned(applianceCheckpoint(3, rewritten.rootHash()));
    WitnessSubmitter submitter = submitter();

    assertThat(submitter.submit()).isEqualTo(Result.ALARM);

    assertThat(witness.proofs).isEmpty();
    assertThat(submitter.lastWitnessed()).isEmpty();
    assertThat(trail.last().details())
        .containsEntry("reason", "log-rewritten")
        .containsEntry("witnessedTreeSize", "3")
        .containsEntry("witnessedRootHash", base64(rewritten.rootHash()));
    assertAlarmLogged("log-rewritten");
  }

  @Test
  void aWitnessThatCosignedMoreEntriesThanTheLogHolds_isAnAlarm() {
    operations(2);
    witness.latestInstead =
        witness.cosigned(applianceCheckpoint(10, RootHash.fromHex("11".repeat(32))));
    WitnessSubmitter submitter = submitter();

    assertThat(submitter.submit()).isEqualTo(Result.ALARM);

    assertThat(witness.proofs).isEmpty();
    assertThat(trail.last().details()).containsEntry("reason", "log-truncated");
  }

  @Test
  void anUnreachableWitness_isTriedAgainEachRound_andAuditedOncePerOutage() {
    operations(2);
    witness.unreachable = true;
    WitnessSubmitter submitter = submitter();

    assertThat(submitter.submit()).isEqualTo(Result.UNAVAILABLE);
    assertThat(submitter.submit()).isEqualTo(Result.UNAVAILABLE);
    assertThat(submitter.submit()).isEqualTo(Result.UNAVAILABLE);
    witness.unreachable = false;
    Result back = submitter.submit();

    assertThat(back).isEqualTo(Result.SUBMITTED);
    assertThat(trail.events)
        .extracting(AuditEvent::action)
        .filteredOn(a -> a.startsWith("witness."))
        .containsExactly("witness.unreachable", "witness.submitted");
    assertThat(logged)
        .filteredOn(r -> r.getLevel() == Level.WARNING)
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.getMessage()).contains("next round tries again"));
    assertThat(logged).noneMatch(r -> r.getLevel() == Level.SEVERE);
  }

  @Test
  void aDatabaseThatIsGone_failsTheRound_withoutThrowing() throws Exception {
    operations(1);
    WitnessSubmitter submitter = submitter();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }

    assertThat(submitter.submit()).isEqualTo(Result.FAILED);

    assertThat(witness.calls).isZero();
    assertThat(logged).anyMatch(r -> r.getLevel() == Level.SEVERE);
  }

  @Test
  void noRoundLogsKeyMaterial() throws Exception {
    String keyFile = Files.readString(applianceKeyFile);
    String keyBody = keyFile.substring(keyFile.indexOf('\n') + 1, keyFile.indexOf('\n') + 40);
    operations(2);
    WitnessSubmitter submitter = submitter();
    submitter.submit();
    operations(1);
    witness.forgeWith = strangerKey;
    submitter.submit();

    assertThat(logged).isNotEmpty();
    assertThat(logged).noneMatch(r -> String.valueOf(r.getMessage()).contains(keyBody));
    assertThat(trail.events.toString()).doesNotContain(keyBody);
  }

  private void assertAlarmLogged(String reason) {
    assertThat(logged)
        .anyMatch(
            r ->
                r.getLevel() == Level.SEVERE
                    && r.getMessage().startsWith("AUDIT WITNESS ALARM (" + reason + ")"));
  }

  private WitnessSubmitter submitter() {
    return new WitnessSubmitter(checkpoints, witness, witnessKey.publicKey(), trail);
  }

  private void openLog() throws Exception {
    log = AuditLog.open(db, 16, Duration.ofSeconds(5), Clock.systemUTC());
    checkpoints =
        AuditLogCheckpoints.open(
            log, db, PemFileCheckpointSigner.open(applianceKeyFile), ORIGIN, Clock.systemUTC());
    List<AuditEvent> earlier = trail == null ? List.of() : trail.events;
    trail = new RecordingTrail(new AuditLogTrail(log, new StampIdentity("s1", "eu-de"), clock()));
    trail.events.addAll(earlier);
  }

  private void operations(int n) {
    for (int i = 0; i < n; i++) {
      trail.record(
          AuditEvent.of("document.put", new Actor("alice", "Alice"))
              .with("collection", "c")
              .with("document", "d" + i)
              .outcome(Outcome.SUCCESS));
    }
  }

  private static SignedCheckpoint applianceCheckpoint(long size, RootHash root) {
    try {
      return PemFileCheckpointSigner.open(applianceKeyFile)
          .sign(new Checkpoint(ORIGIN, size, root, clock().instant()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  private static String base64(RootHash root) {
    return Base64.getEncoder().encodeToString(root.bytes());
  }

  /** A fresh EC P-256 key as an owner-only PKCS#8 PEM file. */
  private static Path pkcs8(Path file) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcFips.provider());
    g.initialize(new ECGenParameterSpec("P-256"), BcFips.drbg());
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, pem);
    return file;
  }

  /** The real trail, and the events it took. */
  private static final class RecordingTrail implements AuditTrail {
    private final AuditTrail delegate;
    final List<AuditEvent> events = new ArrayList<>();

    RecordingTrail(AuditTrail delegate) {
      this.delegate = delegate;
    }

    @Override
    public void record(AuditEvent event) {
      delegate.record(event);
      events.add(event);
    }

    AuditEvent last() {
      return events.get(events.size() - 1);
    }
  }
}
