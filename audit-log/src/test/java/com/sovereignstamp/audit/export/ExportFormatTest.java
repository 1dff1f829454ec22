package com.sovereignstamp.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.TreeHashes;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.audit.storage.CheckpointStore;
import com.sovereignstamp.audit.storage.Checkpoints;
import com.sovereignstamp.audit.testing.TestDatabase;
import com.sovereignstamp.audit.testing.TestKeys;
import com.sovereignstamp.audit.verify.OfflineVerifier;
import com.sovereignstamp.audit.verify.VerificationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files an export holds, as a directory and as a zip, written from a log on H2. */
class ExportFormatTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static DataSource db;
  private static List<byte[]> stored;
  private static List<SignedCheckpoint> checkpoints;
  @TempDir static Path dir;

  @BeforeAll
  static void aLogWithTwoCheckpointsAndFiveEntriesAfterThem() throws Exception {
    db = TestDatabase.h2().dataSource();
    try (AuditLog log = AuditLog.open(db, 16, Duration.ofSeconds(10), CLOCK)) {
      Checkpoints signer =
          new Checkpoints(
              log, new CheckpointStore(db, CLOCK), TestKeys.signer(), "bridge.test", CLOCK);
      for (int i = 0; i < 25; i++) {
        log.append(CanonicalJson.object().put("i", i).put("text", "line\nbreak é").build());
        if (i == 9 || i == 19) {
          signer.checkpointNow();
        }
      }
      stored = log.entries(0, 25);
    }
    checkpoints = new CheckpointStore(db, CLOCK).all();
  }

  private static AuditExport export() throws Exception {
    return new AuditExport(db, Optional.of(TestKeys.signer().publicKey()), CLOCK);
  }

  @Test
  void theDirectoryHoldsEveryFile_asTheFormatSays() throws Exception {
    Path out = dir.resolve("export");
    ExportManifest manifest = export().writeDirectory(out);

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    StringBuilder hashes = new StringBuilder();
    for (byte[] entry : stored) {
      log.write(entry);
      log.write('\n');
      hashes.append(HexFormat.of().formatHex(TreeHashes.leafHash(entry))).append('\n');
    }
    assertThat(Files.readAllBytes(out.resolve(ExportFiles.LOG))).isEqualTo(log.toByteArray());
    assertThat(Files.readString(out.resolve(ExportFiles.LEAF_HASHES))).isEqualTo(hashes.toString());
    assertThat(Files.readAllBytes(out.resolve(ExportFiles.CHECKPOINT)))
        .isEqualTo(checkpoints.get(1).toCanonicalJson());
    assertThat(Files.readString(out.resolve(ExportFiles.CHECKPOINTS), StandardCharsets.UTF_8))
        .isEqualTo(
            new String(checkpoints.get(0).toCanonicalJson(), StandardCharsets.UTF_8)
                + "\n"
                + new String(checkpoints.get(1).toCanonicalJson(), StandardCharsets.UTF_8)
                + "\n");
    assertThat(PublicKeyPem.decode(Files.readString(out.resolve(ExportFiles.PUBLIC_KEY))))
        .isEqualTo(TestKeys.signer().publicKey());
    assertThat(manifest)
        .isEqualTo(new ExportManifest(1, Optional.of("bridge.test"), 25, CLOCK.instant()));
    assertThat(ExportManifest.parse(Files.readAllBytes(out.resolve(ExportFiles.MANIFEST))))
        .isEqualTo(manifest);
  }

  @Test
  void theZipHoldsTheSameFiles_andBothReadBackToAWholeLog() throws Exception {
    Path out = dir.resolve("both");
    export().writeDirectory(out);
    Path zip = dir.resolve("both.zip");
    try (var stream = Files.newOutputStream(zip)) {
      export().writeZip(stream);
    }
    Map<String, byte[]> zipped = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zipped.put(e.getName(), in.readAllBytes());
      }
    }
    try (var files = Files.list(out)) {
      List<Path> all = files.toList();
      assertThat(zipped.keySet()).hasSize(all.size()).hasSize(6);
      for (Path file : all) {
        assertThat(zipped.get(file.getFileName().toString()))
            .as(file.getFileName().toString())
            .isEqualTo(Files.readAllBytes(file));
      }
    }
    for (Path export : List.of(out, zip)) {
      ExportedLog read = ExportedLog.read(export);
      assertThat(read.entries()).containsExactlyElementsOf(stored);
      assertThat(read.problems()).isEmpty();
      VerificationResult result = OfflineVerifier.verify(read, TestKeys.signer().publicKey());
      assertThat(result.outcome()).isEqualTo(VerificationResult.Outcome.WHOLE);
      assertThat(result.coveredEntries()).isEqualTo(20);
      assertThat(result.uncoveredEntries()).isEqualTo(5);
    }
  }

  @Test
  void writingIntoAnExistingExport_isRefused() throws Exception {
    Path out = dir.resolve("twice");
    export().writeDirectory(out);
    assertThatThrownBy(() -> export().writeDirectory(out))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void aDirectoryWithoutALog_isNotAnExport_andAnUnterminatedLastLineIsAProblem() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ExportedLog.read(empty))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not an audit export");

    Path cut = dir.resolve("cut");
    export().writeDirectory(cut);
    byte[] log = Files.readAllBytes(cut.resolve(ExportFiles.LOG));
    Files.write(cut.resolve(ExportFiles.LOG), java.util.Arrays.copyOf(log, log.length - 1));
    ExportedLog read = ExportedLog.read(cut);
    assertThat(read.entries()).hasSize(25);
    assertThat(read.problems()).contains("log.jsonl does not end with a line feed (line 24)");
  }
}
