package com.sovereignstamp.bridge.witness;

import static com.sovereignstamp.bridge.testing.ApprovedThreads.approved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.CosignatureVerifier;
import com.sovereignstamp.bridge.testing.CheckpointKeys;
import com.sovereignstamp.bridge.testing.SignedTestLog;
import com.sovereignstamp.bridge.witness.WitnessRefusal.Reason;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessTest {
  private static final String ORIGIN = "sovereign-stamp/appliance/eu-de";
  private static final X500Principal APPLIANCE =
      new X500Principal("CN=stamp-appliance,O=Sovereign Stamp Demo");
  private static final String BRIDGE = "sovereign-stamp/hsm-bridge/demo";

  @TempDir static Path keys;
  private static CheckpointSigner bridgeKey;
  private static CheckpointSigner applianceKey;
  private static CheckpointSigner strangerKey;

  private InMemoryWitnessedCheckpoints store;
  private List<String> events;
  private List<Map<String, String>> eventDetails;
  private Counters counters;
  private Witness witness;
  private SignedTestLog log;

  @BeforeAll
  static void keys() throws Exception {
    bridgeKey = CheckpointKeys.generate(keys, "bridge");
    applianceKey = CheckpointKeys.generate(keys, "appliance");
    strangerKey = CheckpointKeys.generate(keys, "stranger");
  }

  @BeforeEach
  void witness() {
    store = new InMemoryWitnessedCheckpoints();
    events = Collections.synchronizedList(new ArrayList<>());
    eventDetails = Collections.synchronizedList(new ArrayList<>());
    counters = new Counters();
    witness =
        witnessRecordingIn(
            (name, details) -> {
              events.add(name);
              eventDetails.add(details);
            });
    log = SignedTestLog.empty(ORIGIN, applianceKey).grow(5);
  }

  /** The witness of the appliance's log, on this test's store and counters. */
  private Witness witnessRecordingIn(EventTrail trail) {
    return new Witness(
        new WitnessClients(
            List.of(new WitnessClient("appliance", APPLIANCE, ORIGIN, applianceKey.publicKey()))),
        store,
        bridgeKey,
        BRIDGE,
        Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC),
        trail,
        counters);
  }

  private WitnessedCheckpoint submit(SignedTestLog l, long fromSize) throws WitnessRefusal {
    return witness.submit(APPLIANCE, new Submission(l.checkpoint(), l.proofFrom(fromSize)));
  }

  @Test
  void firstCheckpoint_isTrustedOnFirstUse_andCosigned() throws Exception {
    WitnessedCheckpoint w = submit(log, 0);

    assertThat(w.sequence()).isZero();
    assertThat(w.cosignature().checkpoint()).isEqualTo(log.unsignedCheckpoint());
    assertThat(w.cosignature().witness()).isEqualTo(BRIDGE);
    CosignatureVerifier.verify(w.cosignature(), bridgeKey.publicKey());
    assertThat(store.history("appliance")).containsExactly(w);
    assertThat(events).containsExactly("witness.cosigned");
    assertThat(eventDetails.get(0))
        .containsEntry("client", "appliance")
        .containsEntry("treeSize", "5")
        .containsEntry(
            "rootHash", Base64.getEncoder().encodeToString(log.tree().rootHash().bytes()));
    assertThat(counters.cosigned).containsExactly("appliance");
  }

  @Test
  void consistentGrowth_isCosigned_andTheCosignatureVerifiesWithTheBridgeKeyOnly()
      throws Exception {
    submit(log, 0);
    SignedTestLog grown = log.grow(3);
    WitnessedCheckpoint w = submit(grown, 5);
    SignedTestLog grownAgain = grown.grow(9);
    WitnessedCheckpoint w2 = submit(grownAgain, 8);

    assertThat(w.sequence()).isEqualTo(1);
    assertThat(w2.sequence()).isEqualTo(2);
    assertThat(w2.treeSize()).isEqualTo(17);
    CosignatureVerifier.verify(w2.cosignature(), bridgeKey.publicKey());
    assertThat(witness.publicKey()).isEqualTo(bridgeKey.publicKey());
    assertThatThrownBy(() -> CosignatureVerifier.verify(w2.cosignature(), strangerKey.publicKey()))
        .isInstanceOf(CheckpointException.class);
    assertThat(witness.latest(APPLIANCE)).contains(w2);
    assertThat(counters.inconsistent).isEmpty();
  }

  @Test
  void theSameCheckpointAgain_isCosignedAgain() throws Exception {
    submit(log, 0);
    WitnessedCheckpoint again = submit(log, 5);

    assertThat(again.sequence()).isEqualTo(1);
    assertThat(again.treeSize()).isEqualTo(5);
    assertThat(counters.cosigned).hasSize(2);
  }

  @Test
  void rewrittenHistory_ofLargerSize_isRefusedAsInconsistent_alarmedAndCounted() throws Exception {
    WitnessedCheckpoint good = submit(log, 0);
    SignedTestLog forged = log.rewrite(2).grow(3);

    assertRefused(() -> submit(forged, 5), Reason.INCONSISTENT_HISTORY);

    assertThat(store.history("appliance")).containsExactly(good);
    assertThat(counters.inconsistent).containsExactly("appliance");
    assertThat(events).containsExactly("witness.cosigned", "witness.inconsistent");
    assertThat(eventDetails.get(1))
        .containsEntry("client", "appliance")
        .containsEntry("witnessedTreeSize", "5")
        .containsEntry(
            "witnessedRootHash", Base64.getEncoder().encodeToString(good.rootHash().bytes()))
        .containsEntry("submittedTreeSize", "8")
        .containsEntry(
            "submittedRootHash",
            Base64.getEncoder().encodeToString(forged.tree().rootHash().bytes()));
  }

  @Test
  void rewrittenHistory_ofTheSameSize_isRefusedAsInconsistent() throws Exception {
    submit(log, 0);

    assertRefused(() -> submit(log.rewrite(4), 5), Reason.INCONSISTENT_HISTORY);

    assertThat(counters.inconsistent).containsExactly("appliance");
    assertThat(events).contains("witness.inconsistent");
  }

  @Test
  void truncatedHistory_isRefusedAsInconsistent() throws Exception {
    submit(log.grow(3), 0);

    assertRefused(() -> submit(log, 5), Reason.INCONSISTENT_HISTORY);

    assertThat(counters.inconsistent).containsExactly("appliance");
    assertThat(store.history("appliance")).hasSize(1);
  }

  @Test
  void aProofThatDoesNotHold_isRefusedAsInconsistent() throws Exception {
    submit(log, 0);
    SignedTestLog grown = log.grow(3);

    assertRefused(
        () -> witness.submit(APPLIANCE, new Submission(grown.checkpoint(), grown.proofFrom(4))),
        Reason.INCONSISTENT_HISTORY);
  }

  @Test
  void afterAnAlarm_theLastGoodCheckpointIsStillTheOneExtended() throws Exception {
    submit(log, 0);
    assertRefused(() -> submit(log.rewrite(0).grow(1), 5), Reason.INCONSISTENT_HISTORY);

    WitnessedCheckpoint honest = submit(log.grow(2), 5);

    assertThat(honest.sequence()).isEqualTo(1);
    assertThat(honest.treeSize()).isEqualTo(7);
  }

  @Test
  void aCheckpointNotSignedByTheClientsKey_isRefused_withoutAnAlarm() throws Exception {
    submit(log, 0);
    SignedTestLog signedByStranger = log.grow(1).as(ORIGIN, strangerKey);

    assertRefused(() -> submit(signedByStranger, 5), Reason.BAD_SIGNATURE);

    assertThat(counters.refused).containsExactly("bad-signature");
    assertThat(counters.inconsistent).isEmpty();
    assertThat(events).containsExactly("witness.cosigned");
    assertThat(store.history("appliance")).hasSize(1);
  }

  @Test
  void aCallerWhoIsNotAClient_isRefused() {
    assertRefused(
        () ->
            witness.submit(
                new X500Principal("CN=someone-else,O=Sovereign Stamp Demo"),
                new Submission(log.checkpoint(), List.of())),
        Reason.UNKNOWN_CLIENT);
    assertRefused(
        () -> witness.latest(new X500Principal("CN=someone-else")), Reason.UNKNOWN_CLIENT);
    assertThat(counters.refused).containsExactly("unknown-client", "unknown-client");
    assertThat(events).isEmpty();
  }

  @Test
  void theClientIsFoundByItsSubjectAsAnX500Name_notAsAString() throws Exception {
    X500Principal sameNameOtherSpelling =
        new X500Principal("cn=stamp-appliance, o=Sovereign Stamp Demo");

    assertThat(witness.submit(sameNameOtherSpelling, new Submission(log.checkpoint(), List.of())))
        .isNotNull();
  }

  @Test
  void aCheckpointOfAnotherLog_isRefused() {
    assertRefused(
        () -> submit(log.as("sovereign-stamp/appliance/eu-fr", applianceKey), 0),
        Reason.WRONG_ORIGIN);
    assertThat(counters.refused).containsExactly("wrong-origin");
    assertThat(store.history("appliance")).isEmpty();
  }

  @Test
  void anEventTheTrailCannotRecord_leavesNothingStored() {
    Witness withBrokenTrail =
        witnessRecordingIn(
            (name, details) -> {
              throw new IllegalStateException("the audit log is not taking entries");
            });

    assertThatThrownBy(
            () -> withBrokenTrail.submit(APPLIANCE, new Submission(log.checkpoint(), List.of())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.history("appliance")).isEmpty();
    assertThat(counters.cosigned).isEmpty();
  }

  @Test
  void concurrentSubmissionsOfAForkedHistory_onlyOneIsCosigned() throws Exception {
    submit(log, 0);
    store.slowReads(Duration.ofMillis(200));
    SignedTestLog forkA = log.grow(3);
    SignedTestLog forkB = log.grow(3).rewrite(6);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<WitnessedCheckpoint>> results;
    try {
      results =
          pool.invokeAll(
              List.<Callable<WitnessedCheckpoint>>of(
                  approved(() -> submit(forkA, 5)), approved(() -> submit(forkB, 5))));
    } finally {
      pool.shutdownNow();
    }

    List<Reason> refusals = new ArrayList<>();
    for (Future<WitnessedCheckpoint> f : results) {
      try {
        f.get();
      } catch (ExecutionException e) {
        refusals.add(((WitnessRefusal) e.getCause()).reason());
      }
    }
    assertThat(refusals).containsExactly(Reason.INCONSISTENT_HISTORY);
    assertThat(store.history("appliance")).hasSize(2);
  }

  @Test
  void aSubmissionThatAnotherBridgeGotInBefore_isCheckedAgainstTheOneStored() throws Exception {
    submit(log, 0);
    SignedTestLog storedElsewhere = log.grow(3).rewrite(6);
    store.beforeNextAppend(
        () ->
            store.appendUnchecked(
                new WitnessedCheckpoint(
                    "appliance",
                    1,
                    storedElsewhere.checkpoint(),
                    Cosignature.sign(
                        storedElsewhere.unsignedCheckpoint(),
                        BRIDGE,
                        Instant.parse("2026-03-02T10:00:00Z"),
                        bridgeKey))));

    assertRefused(() -> submit(log.grow(3), 5), Reason.INCONSISTENT_HISTORY);

    assertThat(store.history("appliance")).hasSize(2);
    assertThat(store.history("appliance").get(1).rootHash())
        .isEqualTo(storedElsewhere.tree().rootHash());
  }

  private static void assertRefused(Callable<?> call, Reason reason) {
    assertThatThrownBy(call::call)
        .isInstanceOfSatisfying(
            WitnessRefusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  private static final class Counters implements WitnessCounters {
    final List<String> cosigned = Collections.synchronizedList(new ArrayList<>());
    final List<String> inconsistent = Collections.synchronizedList(new ArrayList<>());
    final List<String> refused = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void witnessCosigned(String client) {
      cosigned.add(client);
    }

    @Override
    public void witnessInconsistent(String client) {
      inconsistent.add(client);
    }

    @Override
    public void witnessRefused(String reason) {
      refused.add(reason);
    }
  }
}
