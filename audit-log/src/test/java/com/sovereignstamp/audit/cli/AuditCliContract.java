package com.sovereignstamp.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.merkle.TreeHashes;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.audit.storage.CheckpointStore;
import com.sovereignstamp.audit.storage.Checkpoints;
import com.sovereignstamp.audit.testing.TestDatabase;
import com.sovereignstamp.audit.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit export} from a real database, then {@code audit verify} on it: an untouched log is
 * whole (exit 0); after one row of {@code audit_entry} is edited with SQL, verify exits 1 and names
 * that entry. Run on each supported database.
 */
abstract class AuditCliContract {
  private static final String PASSWORD_VARIABLE = "AUDIT_TEST_DB_PASSWORD";
  @TempDir Path dir;
  private TestDatabase db;
  private Path publicKey;

  abstract TestDatabase freshDatabase() throws Exception;

  /** 43 entries: checkpoints at 20 and 40, three entries after the last one. */
  @BeforeEach
  void aLogWithCheckpoints() throws Exception {
    db = freshDatabase();
    Clock clock = Clock.systemUTC();
    try (AuditLog log = AuditLog.open(db.dataSource(), 16, Duration.ofSeconds(10), clock)) {
      Checkpoints checkpoints =
          new Checkpoints(
              log,
              new CheckpointStore(db.dataSource(), clock),
              TestKeys.signer(),
              "bridge.cli-test",
              clock);
      for (int i = 0; i < 43; i++) {
        log.append(entry("alice", i));
        if (i == 19 || i == 39) {
          checkpoints.checkpointNow();
        }
      }
    }
    publicKey = dir.resolve("trusted.pem");
    Files.writeString(publicKey, PublicKeyPem.encode(TestKeys.signer().publicKey()));
  }

  private static JsonObject entry(String actor, int n) {
    return CanonicalJson.object().put("actor", actor).put("n", n).put("op", "decrypt").build();
  }

  private Path export(String name) {
    return export(name, 43);
  }

  private Path export(String name, int expectedEntries) {
    Path out = dir.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--jdbc-url",
                db.url(),
                "--user",
                db.user(),
                "--out",
                out.toString(),
                "--public-key",
                publicKey.toString()));
    if (!db.password().isEmpty()) {
      args.addAll(List.of("--password-env", PASSWORD_VARIABLE));
    }
    CliRun run = CliRun.of(Map.of(PASSWORD_VARIABLE, db.password()), args.toArray(String[]::new));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "exported " + expectedEntries + " entries of log 'bridge.cli-test' to " + out + "\n");
    return out;
  }

  private CliRun verify(Path export, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("verify", "--export", export.toString(), "--public-key", publicKey.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void sql(String statement, byte[]... parameters) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setBytes(i + 1, parameters[i]);
      }
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void anUntouchedLog_exportedAsADirectoryOrAZip_verifiesWhole_exit0() {
    for (String name : List.of("export", "export.zip")) {
      CliRun run = verify(export(name));
      assertThat(run.status()).as(run.out() + run.err()).isZero();
      assertThat(run.out())
          .startsWith("WHOLE: entries 0..39 reproduce the signed root\n")
          .contains("not yet covered by a checkpoint: 3 (entries 40..42)");
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void oneEntryEditedWithSql_verifyExits1_andNamesThatEntry() throws Exception {
    sql(
        "UPDATE audit_entry SET entry = ? WHERE entry_index = 17",
        CanonicalJson.serialize(entry("mallory", 17)));
    Path export = export("edited");

    CliRun run = verify(export);
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            "DEPARTS: the log departs from the signed checkpoint at entry 17 (edited, deleted,"
                + " inserted or moved); entries 0..16 are as signed\n");
    CliRun json = verify(export, "--json");
    assertThat(json.status()).isEqualTo(1);
    assertThat(json.out())
        .contains("\"outcome\":\"DEPARTS\"")
        .contains("\"firstPossibleIndex\":17")
        .contains("\"lastPossibleIndex\":17");
  }

  @Test
  void anEntryAndItsLeafHashRewritten_verifyExits1_andBoundsItByTheCheckpoints() throws Exception {
    byte[] forged = CanonicalJson.serialize(entry("mallory", 27));
    sql(
        "UPDATE audit_entry SET entry = ?, leaf_hash = ? WHERE entry_index = 27",
        forged,
        TreeHashes.leafHash(forged));

    CliRun run = verify(export("rewritten"));
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            "DEPARTS: the log departs from the signed checkpoints after entry 19 (the checkpoint"
                + " of 20 entries is still reproduced) and at or before entry 39;");
  }

  @Test
  void aDeletedRow_verifyExits1_withinTheCheckpointThatCoversIt() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM audit_entry WHERE entry_index = 25")) {
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    CliRun run = verify(export("deleted", 42));
    assertThat(run.status()).isEqualTo(1);
    // the row took its recorded leaf hash with it: the checkpoints bound the departure
    assertThat(run.out()).contains("after entry 19").contains("at or before entry 39");
  }
}
