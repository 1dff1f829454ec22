package com.sovereignstamp.audit.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An export as read back, for the verifier: nothing in it is trusted yet.
 *
 * <p>The whole log is held in memory (each entry as a byte array, plus its leaf hash): fine for
 * millions of entries of a few hundred bytes, not for logs of many gigabytes.
 *
 * @param entries the lines of {@value ExportFiles#LOG}, without their line feeds
 * @param recordedLeafHashes the lines of {@value ExportFiles#LEAF_HASHES} as 32-byte hashes; empty
 *     when the file is missing or a line is not 64 hex digits (see {@code problems})
 * @param checkpoint the bytes of {@value ExportFiles#CHECKPOINT}, if present
 * @param checkpointLines the lines of {@value ExportFiles#CHECKPOINTS}, oldest first
 * @param publicKeyPem {@value ExportFiles#PUBLIC_KEY}, informational
 * @param manifest {@value ExportFiles#MANIFEST}, if present and readable
 * @param problems what is malformed or missing in the export's layout, one sentence each
 */
public record ExportedLog(
    List<byte[]> entries,
    Optional<List<byte[]>> recordedLeafHashes,
    Optional<byte[]> checkpoint,
    List<byte[]> checkpointLines,
    Optional<String> publicKeyPem,
    Optional<ExportManifest> manifest,
    List<String> problems) {

  public ExportedLog {
    entries = List.copyOf(entries);
    recordedLeafHashes = recordedLeafHashes.map(List::copyOf);
    checkpointLines = List.copyOf(checkpointLines);
    problems = List.copyOf(problems);
  }

  /**
   * Reads an export directory, or a zip file holding the same files.
   *
   * @throws IOException if it cannot be read or holds no {@value ExportFiles#LOG}
   */
  public static ExportedLog read(Path directoryOrZip) throws IOException {
    return ExportReader.read(directoryOrZip);
  }
}
