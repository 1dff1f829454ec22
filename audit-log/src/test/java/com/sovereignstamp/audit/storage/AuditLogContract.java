package com.sovereignstamp.audit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.merkle.InclusionProof;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.ProofVerifier;
import com.sovereignstamp.audit.merkle.TamperLocator;
import com.sovereignstamp.audit.merkle.TreeHashes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The durable log's behaviour, run against each database the stamp supports (one subclass each).
 */
abstract class AuditLogContract {
  /** An empty database (or schema) for one test. */
  abstract DataSource freshDatabase() throws Exception;

  /** Whether each batch is committed to the table before its appends return (not journaled). */
  boolean eachBatchIsATransaction() {
    return true;
  }

  /** Opens the log under test on the database (again, for a test that reopens it). */
  AuditLog open(DataSource ds) throws Exception {
    return AuditLog.open(ds, 256, Duration.ofSeconds(10), Clock.systemUTC());
  }

  static com.sovereignstamp.audit.canonical.JsonObject entry(String who, int n) {
    return CanonicalJson.object().put("actor", who).put("n", n).put("event", "xks.call").build();
  }

  @Test
  void concurrentAppendsFromManyThreads_formAGapFreeVerifiableLog() throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds)) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      ConcurrentLinkedQueue<AuditReceipt> receipts = new ConcurrentLinkedQueue<>();
      for (int t = 0; t < 16; t++) {
        String who = "thread-" + t;
        pool.submit(
            () -> {
              for (int i = 0; i < 250; i++) {
                receipts.add(log.append(entry(who, i)));
              }
              return null;
            });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      Set<Long> indexes = new HashSet<>();
      receipts.forEach(r -> indexes.add(r.index()));
      assertThat(indexes).hasSize(4000);
      assertThat(indexes.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(3999);
      assertThat(log.commits()).as("group commit").isLessThan(4000);

      List<byte[]> stored = log.entries(0, 4000);
      MerkleTree fromDatabase = new MerkleTree();
      stored.forEach(fromDatabase::appendEntry);
      assertThat(fromDatabase.rootHash()).isEqualTo(log.tree().rootHash());
      for (AuditReceipt r : receipts) {
        InclusionProof proof = log.tree().inclusionProof(r.index(), 4000);
        ProofVerifier.verifyInclusion(r.leafHash(), proof, log.tree().rootHash());
        assertThat(TreeHashes.leafHash(stored.get((int) r.index()))).isEqualTo(r.leafHash());
      }
    }
  }

  @Test
  void reopenedLog_continuesWhereItStopped() throws Exception {
    DataSource ds = freshDatabase();
    var root = (Object) null;
    try (AuditLog log = open(ds)) {
      for (int i = 0; i < 10; i++) {
        log.append(entry("a", i));
      }
      root = log.tree().rootHash();
    }
    try (AuditLog log = open(ds)) {
      assertThat(log.tree().rootHash()).isEqualTo(root);
      assertThat(log.append(entry("b", 0)).index()).isEqualTo(10);
    }
  }

  @Test
  void anEditedRow_isNamedByTheVerifier() throws Exception {
    DataSource ds = freshDatabase();
    List<byte[]> trustedLeaves = new ArrayList<>();
    try (AuditLog log = open(ds)) {
      for (int i = 0; i < 40; i++) {
        trustedLeaves.add(log.append(entry("a", i)).leafHash());
      }
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE audit_entry SET entry = ? WHERE entry_index = 17")) {
      ps.setBytes(1, CanonicalJson.serialize(entry("mallory", 17)));
      ps.executeUpdate();
    }
    try (AuditLog log = open(ds)) {
      List<byte[]> claimed = log.entries(0, 40);
      assertThat(TamperLocator.firstDifference(trustedLeaves, claimed)).hasValue(17);
    }
  }

  @Test
  void anAppendThatCannotBeCommitted_failsTheCaller_andTheLogStaysGapFree() throws Exception {
    assumeTrue(eachBatchIsATransaction(), "a journaled log fails appends once a copy has failed");
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds)) {
      log.append(entry("a", 0));
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE audit_entry RENAME TO audit_entry_away");
      }
      assertThatThrownBy(() -> log.append(entry("a", 1))).isInstanceOf(AuditLogException.class);
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE audit_entry_away RENAME TO audit_entry");
      }
      assertThat(log.append(entry("a", 2)).index()).isEqualTo(1);
      assertThat(new String(log.entries(1, 2).get(0), StandardCharsets.UTF_8)).contains("\"n\":2");
    }
  }
}
