package com.sovereignstamp.audit.export;

import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.storage.AuditLogReader;
import com.sovereignstamp.audit.storage.CheckpointStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes an export of the log (see {@link ExportFiles} for the format) from its tables: a
 * directory, or the same files as a zip stream for an HTTP response. Entries are streamed from the
 * database a page at a time, never held in memory as a whole.
 *
 * <p>The checkpoints are read before the entries, so every exported checkpoint covers entries the
 * export holds even while the log grows; entries appended meanwhile are exported as "not yet
 * covered". Rows are exported as stored, a deleted row included (it is simply absent), so the
 * verifier can name what changed.
 */
public final class AuditExport {
  private final AuditLogReader entries;
  private final CheckpointStore checkpoints;
  private final Optional<PublicKey> signerKey;
  private final Clock clock;

  /**
   * @param signerKey written as {@value ExportFiles#PUBLIC_KEY} when present (informational)
   * @param clock gives the manifest's {@code createdAt}
   */
  public AuditExport(DataSource dataSource, Optional<PublicKey> signerKey, Clock clock) {
    this.entries = new AuditLogReader(dataSource);
    this.checkpoints = new CheckpointStore(dataSource, clock);
    this.signerKey = signerKey;
    this.clock = clock;
  }

  /** Writes the export's files into {@code dir} (created if missing; refuses existing files). */
  public ExportManifest writeDirectory(Path dir) throws IOException, SQLException {
    Files.createDirectories(dir);
    return write(ExportSink.directory(dir));
  }

  /** Writes the export as a zip to {@code out}; {@code out} is finished as a zip but not closed. */
  public ExportManifest writeZip(OutputStream out) throws IOException, SQLException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    ExportManifest manifest = write(ExportSink.zip(zip));
    zip.finish();
    zip.flush();
    return manifest;
  }

  private ExportManifest write(ExportSink sink) throws IOException, SQLException {
    byte[][] latest = new byte[1][];
    try (OutputStream out = sink.open(ExportFiles.CHECKPOINTS)) {
      checkpoints.forEachStored(
          (sequence, treeSize, signed) -> {
            out.write(signed);
            out.write('\n');
            latest[0] = signed;
          });
    }
    if (latest[0] != null) {
      try (OutputStream out = sink.open(ExportFiles.CHECKPOINT)) {
        out.write(latest[0]);
      }
    }
    if (signerKey.isPresent()) {
      try (OutputStream out = sink.open(ExportFiles.PUBLIC_KEY)) {
        out.write(PublicKeyPem.encode(signerKey.get()).getBytes(StandardCharsets.US_ASCII));
      }
    }
    long lastIndex = entries.lastIndex();
    long[] count = {0};
    try (OutputStream out = sink.open(ExportFiles.LOG)) {
      entries.forEachEntry(
          lastIndex,
          (index, entry, leafHash) -> {
            out.write(entry);
            out.write('\n');
            count[0]++;
          });
    }
    HexFormat hex = HexFormat.of();
    try (OutputStream out = sink.open(ExportFiles.LEAF_HASHES)) {
      entries.forEachEntry(
          lastIndex,
          (index, entry, leafHash) ->
              out.write((hex.formatHex(leafHash) + "\n").getBytes(StandardCharsets.US_ASCII)));
    }
    ExportManifest manifest =
        new ExportManifest(
            ExportFiles.FORMAT_VERSION, originOf(latest[0]), count[0], clock.instant());
    try (OutputStream out = sink.open(ExportFiles.MANIFEST)) {
      out.write(manifest.toCanonicalJson());
    }
    return manifest;
  }

  private static Optional<String> originOf(byte[] signedCheckpoint) {
    if (signedCheckpoint == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(SignedCheckpoint.parse(signedCheckpoint).checkpoint().origin());
    } catch (CheckpointException unreadable) {
      return Optional.empty(); // the verifier reports it; the manifest is informational
    }
  }
}
