package com.sovereignstamp.bridge.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.storage.AuditSchema;
import com.sovereignstamp.bridge.testing.CheckpointKeys;
import com.sovereignstamp.bridge.testing.SignedTestLog;
import com.sovereignstamp.bridge.witness.ConcurrentWitnessException;
import com.sovereignstamp.bridge.witness.WitnessedCheckpoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witnessed-checkpoint store, the same on every database the bridge supports. */
abstract class WitnessedCheckpointsContract {
  @TempDir static Path keys;
  private static CheckpointSigner clientKey;
  private static CheckpointSigner bridgeKey;

  private DataSource dataSource;
  private JdbcWitnessedCheckpoints store;
  private SignedTestLog log;

  /** An empty database (schema) of its own for each test. */
  abstract DataSource freshDatabase() throws Exception;

  @BeforeAll
  static void keys() throws Exception {
    clientKey = CheckpointKeys.generate(keys, "client");
    bridgeKey = CheckpointKeys.generate(keys, "bridge");
  }

  @BeforeEach
  void database() throws Exception {
    dataSource = freshDatabase();
    AuditSchema.migrate(dataSource);
    BridgeSchema.migrate(dataSource);
    store = new JdbcWitnessedCheckpoints(dataSource);
    log = SignedTestLog.empty("sovereign-stamp/appliance/eu-de", clientKey).grow(3);
  }

  private static WitnessedCheckpoint witnessed(String client, long sequence, SignedTestLog l) {
    return new WitnessedCheckpoint(
        client,
        sequence,
        l.checkpoint(),
        Cosignature.sign(
            l.unsignedCheckpoint(),
            "bridge",
            Instant.parse("2026-03-02T10:00:00.001Z").plusSeconds(sequence),
            bridgeKey));
  }

  @Test
  void aClientWithNothingWitnessed_hasNoLatest() {
    assertThat(store.latest("appliance")).isEmpty();
  }

  @Test
  void latest_isTheClientsNewest_readBackWhole() throws Exception {
    store.append(witnessed("appliance", 0, log), () -> {});
    WitnessedCheckpoint newest = witnessed("appliance", 1, log.grow(2));
    store.append(newest, () -> {});
    store.append(witnessed("other", 0, log.grow(7)), () -> {});

    WitnessedCheckpoint read = store.latest("appliance").orElseThrow();
    assertThat(read.sequence()).isEqualTo(1);
    assertThat(read.treeSize()).isEqualTo(5);
    assertThat(read.signed().toCanonicalJson()).isEqualTo(newest.signed().toCanonicalJson());
    assertThat(read.cosignature().toCanonicalJson())
        .isEqualTo(newest.cosignature().toCanonicalJson());
    assertThat(store.latest("other").orElseThrow().treeSize()).isEqualTo(10);
  }

  @Test
  void aSequenceNumberAlreadyTaken_isAConflict_andTheFirstStays() throws Exception {
    store.append(witnessed("appliance", 0, log), () -> {});

    assertThatThrownBy(() -> store.append(witnessed("appliance", 0, log.grow(1)), () -> {}))
        .isInstanceOf(ConcurrentWitnessException.class);
    assertThat(store.latest("appliance").orElseThrow().treeSize()).isEqualTo(3);
  }

  @Test
  void twoWritersOfTheSameSequenceAtOnce_onlyOneIsStored() throws Exception {
    store.append(witnessed("appliance", 0, log), () -> {});
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Object>> results;
    try {
      List<Callable<Object>> writers = new ArrayList<>();
      for (SignedTestLog l : List.of(log.grow(1), log.grow(2))) {
        WitnessedCheckpoint w = witnessed("appliance", 1, l);
        writers.add(
            () -> {
              store.append(w, () -> sleep(300));
              return null;
            });
      }
      results = pool.invokeAll(writers);
    } finally {
      pool.shutdownNow();
    }
    int conflicts = 0;
    for (Future<Object> f : results) {
      try {
        f.get();
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(ConcurrentWitnessException.class);
        conflicts++;
      }
    }
    assertThat(conflicts).isEqualTo(1);
    assertThat(store.latest("appliance").orElseThrow().sequence()).isEqualTo(1);
  }

  @Test
  void whenTheStepBeforeCommitFails_nothingIsStored() throws Exception {
    RuntimeException auditDown = new IllegalStateException("audit trail down");

    assertThatThrownBy(
            () ->
                store.append(
                    witnessed("appliance", 0, log),
                    () -> {
                      throw auditDown;
                    }))
        .isSameAs(auditDown);
    assertThat(store.latest("appliance")).isEmpty();
  }

  @Test
  void theSchemaMigration_canRunAgain() throws Exception {
    store.append(witnessed("appliance", 0, log), () -> {});

    BridgeSchema.migrate(dataSource);

    assertThat(store.latest("appliance")).isPresent();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
