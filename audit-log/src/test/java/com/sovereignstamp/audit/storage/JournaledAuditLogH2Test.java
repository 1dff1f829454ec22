package com.sovereignstamp.audit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.MerkleTree;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.audit.testing.TestDatabase;
import com.sovereignstamp.audit.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journaled log on embedded H2 (the bridge's default): the durable-log contract, and what the
 * journal adds — recovery of entries the table had not received, a torn last record, a lost
 * journal, one log per journal, failing closed while the table cannot be written.
 */
class JournaledAuditLogH2Test extends AuditLogContract {
  @TempDir Path temp;
  private final Map<DataSource, Path> journals = new IdentityHashMap<>();

  @Override
  DataSource freshDatabase() {
    return TestDatabase.h2().dataSource();
  }

  @Override
  boolean eachBatchIsATransaction() {
    return false;
  }

  @Override
  AuditLog open(DataSource ds) throws Exception {
    Path dir = journals.computeIfAbsent(ds, d -> temp.resolve("journal-" + journals.size()));
    return open(ds, dir, Duration.ofMillis(50));
  }

  private static AuditLog open(DataSource ds, Path journal, Duration tableInterval)
      throws Exception {
    return AuditLog.openJournaled(
        ds,
        256,
        Duration.ofSeconds(10),
        new JournalSettings(journal, false, tableInterval, 4096),
        Clock.systemUTC());
  }

  private static long tableRows(DataSource ds) throws Exception {
    return new JdbcEntryStore(ds).size();
  }

  private static List<Path> segments(Path journal) throws IOException {
    try (Stream<Path> files = Files.list(journal)) {
      return files.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
    }
  }

  /** The journal as a crash would leave it: its files copied while the log is still open. */
  private static Path snapshot(Path journal, Path to) throws IOException {
    Files.createDirectories(to);
    for (Path p : segments(journal)) {
      Files.copy(p, to.resolve(p.getFileName()));
    }
    return to;
  }

  @Test
  void entriesJournaledBeforeACrash_reachTheTableWhenTheLogIsOpenedAgain() throws Exception {
    DataSource ds = freshDatabase();
    Path journal = temp.resolve("j");
    Path crashed;
    RootHash root;
    try (AuditLog log = open(ds, journal, Duration.ofSeconds(10))) {
      appendRange(log, 0, 300);
      root = log.tree().rootHash();
      assertThat(tableRows(ds)).as("nothing copied yet").isZero();
      crashed = snapshot(journal, temp.resolve("crashed"));
    }
    assertThat(segments(crashed)).as("several segments of 4096 bytes").hasSizeGreaterThan(2);

    DataSource tableAtTheCrash = freshDatabase();
    try (AuditLog log = open(tableAtTheCrash, crashed, Duration.ofSeconds(10))) {
      assertThat(log.tree().size()).isEqualTo(300);
      assertThat(log.tree().rootHash()).isEqualTo(root);
      assertThat(tableRows(tableAtTheCrash)).isEqualTo(300);
      assertThat(log.append(entry("b", 0)).index()).isEqualTo(300);
    }
    assertThat(segments(crashed)).as("all in the table: journal emptied").isEmpty();
  }

  @Test
  void aRecordCutShortAtTheEndOfTheJournal_isCutOff_andTheLogContinuesAfterTheLastWholeEntry()
      throws Exception {
    DataSource ds = freshDatabase();
    Path journal = temp.resolve("j");
    Path crashed;
    try (AuditLog log = open(ds, journal, Duration.ofSeconds(10))) {
      appendRange(log, 0, 20);
      crashed = snapshot(journal, temp.resolve("crashed"));
    }
    List<Path> files = segments(crashed);
    Path last = files.get(files.size() - 1);
    // a record header promising 200 bytes, and only 10 of them: the write the crash interrupted
    Files.write(
        last,
        new byte[] {0, 0, 0, (byte) 200, 1, 2, 3, 4, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9},
        StandardOpenOption.APPEND);

    DataSource table = freshDatabase();
    try (AuditLog log = open(table, crashed, Duration.ofSeconds(10))) {
      assertThat(log.tree().size()).isEqualTo(20);
      assertThat(log.append(entry("b", 0)).index()).isEqualTo(20);
      assertThat(log.entries(0, 21)).hasSize(21);
    }
  }

  @Test
  void aJournalThatDoesNotReachBackToTheTable_refusesToOpen() throws Exception {
    DataSource ds = freshDatabase();
    Path journal = temp.resolve("j");
    try (AuditLog log = open(ds, journal, Duration.ofSeconds(10))) {
      appendRange(log, 0, 10);
    }
    Path crashed;
    try (AuditLog log = open(ds, journal, Duration.ofSeconds(10))) {
      appendRange(log, 10, 15);
      crashed = snapshot(journal, temp.resolve("crashed"));
    }
    DataSource emptyTable = freshDatabase(); // the table lost entries 0..9, the journal has 10..14
    assertThatThrownBy(() -> open(emptyTable, crashed, Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("entries were lost");
  }

  @Test
  void aSecondLogOnTheSameJournal_isRefused() throws Exception {
    Path journal = temp.resolve("j");
    try (AuditLog log = open(freshDatabase(), journal, Duration.ofSeconds(1))) {
      log.append(entry("a", 0));
      assertThatThrownBy(() -> open(freshDatabase(), journal, Duration.ofSeconds(1)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("held by another log");
    }
  }

  @Test
  void whileTheTableCannotBeWritten_appendsFail_andWhatWasJournaledReachesTheTableLater()
      throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds, temp.resolve("j"), Duration.ofMillis(20))) {
      log.append(entry("a", 0));
      log.awaitTable(1);
      rename(ds, "audit_entry", "audit_entry_away");

      List<Long> accepted = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      boolean refused = false;
      for (int i = 1; !refused && System.nanoTime() < deadline; i++) {
        try {
          accepted.add(log.append(entry("a", i)).index());
          Thread.sleep(1);
        } catch (AuditLogException e) {
          refused = true;
        }
      }
      assertThat(refused).as("appends fail once a copy into the table failed").isTrue();
      assertThat(log.isWritable()).isFalse();
      assertThatThrownBy(() -> log.append(entry("b", 0))).isInstanceOf(AuditLogException.class);

      rename(ds, "audit_entry_away", "audit_entry");
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!log.isWritable() && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(log.isWritable()).as("writable again once a copy succeeded").isTrue();
      long next = log.append(entry("c", 0)).index();
      assertThat(next).isEqualTo(1 + accepted.size()); // no gap, no refused entry in the log
      List<byte[]> stored = log.entries(0, next + 1);
      MerkleTree fromTable = new MerkleTree();
      stored.forEach(fromTable::appendEntry);
      assertThat(fromTable.rootHash()).isEqualTo(log.tree().rootHash());
    }
  }

  @Test
  void aCheckpointIsSignedOnlyOnceTheTableHoldsEverythingItCovers() throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds, temp.resolve("j"), Duration.ofSeconds(10))) {
      appendRange(log, 0, 30);
      assertThat(tableRows(ds)).isZero();
      Clock clock = Clock.systemUTC();
      SignedCheckpoint signed =
          new Checkpoints(log, new CheckpointStore(ds, clock), TestKeys.signer(), "j.test", clock)
              .checkpointNow();
      assertThat(signed.checkpoint().treeSize()).isEqualTo(30);
      assertThat(tableRows(ds)).isEqualTo(30);
    }
  }

  @Test
  void anInterruptedAppender_leavesTheJournalWorkingForEveryoneElse() throws Exception {
    DataSource ds = freshDatabase();
    try (AuditLog log = open(ds, temp.resolve("j"), Duration.ofMillis(50))) {
      appendRange(log, 0, 5);
      Thread interrupted =
          new Thread(
              () -> {
                Thread.currentThread().interrupt();
                try {
                  log.append(entry("interrupted", 0));
                } catch (AuditLogException expected) {
                  // the caller was interrupted while waiting; its entry may or may not be in
                }
              });
      interrupted.start();
      interrupted.join(10_000);
      long next = log.append(entry("after", 0)).index();
      assertThat(next).isBetween(5L, 6L);
      assertThat(log.entries(0, next + 1)).hasSize((int) next + 1);
    }
  }

  @Test
  void segmentsAreDeletedOnceTheTableHoldsTheirEntries() throws Exception {
    DataSource ds = freshDatabase();
    Path journal = temp.resolve("j");
    try (AuditLog log = open(ds, journal, Duration.ofSeconds(10))) {
      appendRange(log, 0, 300);
      assertThat(segments(journal)).hasSizeGreaterThan(2);
      log.awaitTable(300);
      assertThat(segments(journal))
          .as("only the segment being written")
          .hasSizeLessThanOrEqualTo(1);
      assertThat(tableRows(ds)).isEqualTo(300);
    }
    assertThat(segments(journal)).isEmpty();
  }

  private static void appendRange(AuditLog log, int from, int to) {
    for (int i = from; i < to; i++) {
      log.append(entry("a", i));
    }
  }

  private static void rename(DataSource ds, String from, String to) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + from + " RENAME TO " + to);
    }
  }
}
