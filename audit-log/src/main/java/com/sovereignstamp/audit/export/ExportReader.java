package com.sovereignstamp.audit.export;

import com.sovereignstamp.audit.merkle.TreeHashes;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads an export's files from a directory or a zip into an {@link ExportedLog}. */
final class ExportReader {
  /** The most a small file (checkpoint, key, manifest) may hold. */
  private static final int SMALL_FILE_LIMIT = 1 << 20;

  private List<byte[]> entries;
  private Optional<List<byte[]>> leafHashes = Optional.empty();
  private Optional<byte[]> checkpoint = Optional.empty();
  private List<byte[]> checkpointLines;
  private Optional<String> publicKeyPem = Optional.empty();
  private Optional<ExportManifest> manifest = Optional.empty();
  private final List<String> problems = new ArrayList<>();

  private ExportReader() {}

  static ExportedLog read(Path directoryOrZip) throws IOException {
    ExportReader reader = new ExportReader();
    if (Files.isDirectory(directoryOrZip)) {
      reader.readDirectory(directoryOrZip);
    } else if (Files.isRegularFile(directoryOrZip)) {
      reader.readZip(directoryOrZip);
    } else {
      throw new NoSuchFileException(directoryOrZip + " (no export directory or zip file there)");
    }
    return reader.finish(directoryOrZip);
  }

  private void readDirectory(Path dir) throws IOException {
    for (String name :
        List.of(
            ExportFiles.LOG,
            ExportFiles.LEAF_HASHES,
            ExportFiles.CHECKPOINT,
            ExportFiles.CHECKPOINTS,
            ExportFiles.PUBLIC_KEY,
            ExportFiles.MANIFEST)) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
          readFile(name, in);
        }
      }
    }
  }

  private void readZip(Path zipFile) throws IOException {
    Set<String> seen = new HashSet<>();
    try (ZipInputStream zip =
        new ZipInputStream(
            new BufferedInputStream(Files.newInputStream(zipFile), 1 << 16),
            StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (!seen.add(entry.getName())) {
          problems.add("the zip holds " + entry.getName() + " more than once");
          continue;
        }
        readFile(entry.getName(), zip);
      }
    } catch (java.util.zip.ZipException e) {
      throw new IOException(zipFile + " is neither an export directory nor a zip file");
    }
    if (seen.isEmpty()) {
      throw new IOException(zipFile + " is neither an export directory nor a zip file");
    }
  }

  private void readFile(String name, InputStream in) throws IOException {
    switch (name) {
      case ExportFiles.LOG -> entries = lines(name, in);
      case ExportFiles.LEAF_HASHES -> leafHashes = hashes(lines(name, in));
      case ExportFiles.CHECKPOINT -> checkpoint = Optional.of(small(name, in));
      case ExportFiles.CHECKPOINTS -> checkpointLines = lines(name, in);
      case ExportFiles.PUBLIC_KEY ->
          publicKeyPem = Optional.of(new String(small(name, in), StandardCharsets.US_ASCII));
      case ExportFiles.MANIFEST -> manifest = manifest(small(name, in));
      default -> {
        // not part of the format: ignored
      }
    }
  }

  private ExportedLog finish(Path source) throws IOException {
    if (entries == null) {
      throw new IOException(source + " is not an audit export: it has no " + ExportFiles.LOG);
    }
    if (leafHashes.isEmpty()
        && problems.stream().noneMatch(p -> p.startsWith(ExportFiles.LEAF_HASHES))) {
      problems.add(ExportFiles.LEAF_HASHES + " is missing");
    }
    if (checkpointLines == null) {
      problems.add(ExportFiles.CHECKPOINTS + " is missing");
      checkpointLines = List.of();
    }
    if (manifest.isEmpty()
        && problems.stream().noneMatch(p -> p.startsWith(ExportFiles.MANIFEST))) {
      problems.add(ExportFiles.MANIFEST + " is missing");
    }
    manifest.ifPresent(
        m -> {
          if (m.entryCount() != entries.size()) {
            problems.add(
                ExportFiles.MANIFEST
                    + " counts "
                    + m.entryCount()
                    + " entries but "
                    + ExportFiles.LOG
                    + " holds "
                    + entries.size());
          }
        });
    return new ExportedLog(
        entries, leafHashes, checkpoint, checkpointLines, publicKeyPem, manifest, problems);
  }

  /** The line-feed-terminated lines of a file; an unterminated last line counts, and is noted. */
  private List<byte[]> lines(String name, InputStream in) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    byte[] buffer = new byte[1 << 16];
    int n;
    while ((n = in.read(buffer)) > 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          line.write(buffer, start, i - start);
          lines.add(line.toByteArray());
          line.reset();
          start = i + 1;
        }
      }
      line.write(buffer, start, n - start);
    }
    if (line.size() > 0) {
      lines.add(line.toByteArray());
      problems.add(name + " does not end with a line feed (line " + (lines.size() - 1) + ")");
    }
    return lines;
  }

  private Optional<List<byte[]>> hashes(List<byte[]> lines) {
    HexFormat hex = HexFormat.of();
    List<byte[]> hashes = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = new String(lines.get(i), StandardCharsets.US_ASCII);
      try {
        if (line.length() != 2 * TreeHashes.HASH_LENGTH) {
          throw new IllegalArgumentException("length");
        }
        hashes.add(hex.parseHex(line));
      } catch (IllegalArgumentException e) {
        problems.add(ExportFiles.LEAF_HASHES + " line " + i + " is not a 64-digit hex hash");
        return Optional.empty();
      }
    }
    return Optional.of(hashes);
  }

  private Optional<ExportManifest> manifest(byte[] json) {
    try {
      return Optional.of(ExportManifest.parse(json));
    } catch (IOException e) {
      problems.add(ExportFiles.MANIFEST + " is unreadable: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static byte[] small(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(SMALL_FILE_LIMIT + 1);
    if (bytes.length > SMALL_FILE_LIMIT) {
      throw new IOException(name + " is larger than " + SMALL_FILE_LIMIT + " bytes");
    }
    return bytes;
  }
}
