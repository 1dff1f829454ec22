package com.sovereignstamp.audit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.testing.TestKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Signed checkpoints stored next to the log, run against each supported database. */
abstract class CheckpointStorageContract {
  private static final String ORIGIN = "bridge.test";
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  abstract DataSource freshDatabase() throws Exception;

  private AuditLog open(DataSource ds) throws Exception {
    return AuditLog.open(ds, 64, Duration.ofSeconds(10), clock);
  }

  private Checkpoints checkpoints(AuditLog log, DataSource ds) throws Exception {
    return new Checkpoints(log, new CheckpointStore(ds, clock), TestKeys.signer(), ORIGIN, clock);
  }

  private static JsonObject entry(int n) {
    return CanonicalJson.object().put("event", "test").put("n", n).build();
  }

  private static void append(AuditLog log, int count) {
    for (int i = 0; i < count; i++) {
      log.append(entry(i));
    }
  }

  @Test
  void checkpointNow_signsTheCurrentSizeAndRoot_andStoresIt() throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds)) {
      append(log, 5);
      SignedCheckpoint signed = checkpoints(log, ds).checkpointNow();

      assertThat(signed.checkpoint().treeSize()).isEqualTo(5);
      assertThat(signed.checkpoint().rootHash()).isEqualTo(log.tree().rootHash(5));
      assertThat(signed.checkpoint().origin()).isEqualTo(ORIGIN);
      assertThat(signed.checkpoint().time()).isEqualTo(clock.instant());
      CheckpointVerifier.verify(signed, TestKeys.signer().publicKey());
      SignedCheckpoint stored = new CheckpointStore(ds, clock).latest().orElseThrow();
      assertThat(stored.toCanonicalJson()).isEqualTo(signed.toCanonicalJson());
    }
  }

  @Test
  void withNothingAppendedSinceTheLatest_checkpointNowReturnsIt_insteadOfSigningAgain()
      throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds)) {
      Checkpoints checkpoints = checkpoints(log, ds);
      append(log, 3);
      SignedCheckpoint first = checkpoints.checkpointNow();
      SignedCheckpoint again = checkpoints.checkpointNow();
      assertThat(again.toCanonicalJson()).isEqualTo(first.toCanonicalJson());
      assertThat(new CheckpointStore(ds, clock).all()).hasSize(1);

      append(log, 1);
      SignedCheckpoint next = checkpoints.checkpointNow();
      assertThat(next.checkpoint().treeSize()).isEqualTo(4);
      assertThat(new CheckpointStore(ds, clock).all())
          .extracting(c -> c.checkpoint().treeSize())
          .containsExactly(3L, 4L);
    }
  }

  @Test
  void anEmptyLog_getsACheckpointOfSizeZero() throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds)) {
      SignedCheckpoint signed = checkpoints(log, ds).checkpointNow();
      assertThat(signed.checkpoint().treeSize()).isZero();
      CheckpointVerifier.verify(signed, TestKeys.signer().publicKey());
    }
  }

  @Test
  void storedCheckpoints_areReadInOrder_latest_andLatestAtOrBelowASize() throws Exception {
    DataSource ds = freshDatabase();
    CheckpointStore store = new CheckpointStore(ds, clock);
    try (AuditLog log = open(ds)) {
      Checkpoints checkpoints = checkpoints(log, ds);
      assertThat(store.latest()).isEmpty();
      for (int size : new int[] {3, 7, 10}) {
        append(log, size - (int) log.tree().size());
        checkpoints.checkpointNow();
      }
    }
    assertThat(store.all()).extracting(c -> c.checkpoint().treeSize()).containsExactly(3L, 7L, 10L);
    assertThat(store.latest().orElseThrow().checkpoint().treeSize()).isEqualTo(10);
    assertThat(store.latestAtOrBelow(2)).isEmpty();
    assertThat(store.latestAtOrBelow(3).orElseThrow().checkpoint().treeSize()).isEqualTo(3);
    assertThat(store.latestAtOrBelow(9).orElseThrow().checkpoint().treeSize()).isEqualTo(7);
    assertThat(store.latestAtOrBelow(1000).orElseThrow().checkpoint().treeSize()).isEqualTo(10);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT checkpoint_seq FROM audit_checkpoint ORDER BY checkpoint_seq")) {
      for (long expected = 0; expected < 3; expected++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("gap-free sequence").isEqualTo(expected);
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aCheckpointOlderThanTheLatest_isRefused() throws Exception {
    DataSource ds = freshDatabase();
    CheckpointStore store = new CheckpointStore(ds, clock);
    try (AuditLog log = open(ds)) {
      append(log, 2);
      SignedCheckpoint small = checkpoints(log, ds).checkpointNow();
      append(log, 2);
      checkpoints(log, ds).checkpointNow();
      assertThatThrownBy(() -> store.add(small))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("older than the latest stored one");
      assertThat(store.all()).hasSize(2);
    }
  }

  @Test
  void aLogWhoseStoredEntriesWereRewritten_isNotSignedAgain() throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds)) {
      append(log, 6);
      checkpoints(log, ds).checkpointNow();
    }
    byte[] forged = CanonicalJson.serialize(entry(99));
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE audit_entry SET entry = ?, leaf_hash = ? WHERE entry_index = 2")) {
      ps.setBytes(1, forged);
      ps.setBytes(2, com.sovereignstamp.audit.merkle.TreeHashes.leafHash(forged));
      ps.executeUpdate();
    }
    try (AuditLog log = open(ds)) {
      log.append(entry(7));
      Checkpoints checkpoints = checkpoints(log, ds);
      assertThatThrownBy(checkpoints::checkpointNow)
          .isInstanceOf(AuditLogException.class)
          .hasMessageContaining("no longer reproduces its latest stored checkpoint (6 entries)");
      assertThat(new CheckpointStore(ds, clock).all()).hasSize(1);
    }
  }

  @Test
  void aDatabaseOfTheFirstRelease_gainsTheCheckpointTable_whenTheLogOpens() throws Exception {
    DataSource ds = freshDatabase();
    AuditSchema.migrate(ds, "com/sovereignstamp/audit/db/audit-log-0.1.xml");
    assertThatThrownBy(() -> new CheckpointStore(ds, clock).latest())
        .isInstanceOf(java.sql.SQLException.class);
    try (AuditLog log = open(ds)) {
      append(log, 1);
      checkpoints(log, ds).checkpointNow();
    }
    List<SignedCheckpoint> all = new CheckpointStore(ds, clock).all();
    assertThat(all).hasSize(1);
  }
}
