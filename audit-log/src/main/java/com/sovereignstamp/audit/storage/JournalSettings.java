package com.sovereignstamp.audit.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a journaled {@link AuditLog} keeps its journal.
 *
 * @param directory the journal's own directory (created if missing; one log per directory, locked
 *     while open)
 * @param fsync whether each batch is forced to the disk ({@code fdatasync}) before its appends
 *     return: the entries then survive a power loss, at the cost of one disk flush per batch;
 *     without it they survive a crash of the process, like an embedded database that writes each
 *     commit without flushing it
 * @param tableInterval how often journaled entries are copied into the entry table, in one
 *     transaction per copy
 * @param segmentBytes the size past which the journal starts a new file (a file is deleted once the
 *     table holds all its entries)
 */
public record JournalSettings(
    Path directory, boolean fsync, Duration tableInterval, long segmentBytes) {
  /** 8 MiB: about 20,000 entries of a bridge call. */
  public static final long DEFAULT_SEGMENT_BYTES = 8L * 1024 * 1024;

  public JournalSettings(Path directory, boolean fsync, Duration tableInterval) {
    this(directory, fsync, tableInterval, DEFAULT_SEGMENT_BYTES);
  }

  public JournalSettings {
    if (segmentBytes < 4096) {
      throw new IllegalArgumentException("a journal segment must be at least 4096 bytes");
    }
    Objects.requireNonNull(directory, "directory");
    if (tableInterval.compareTo(Duration.ofMillis(10)) < 0
        || tableInterval.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("the table interval must be between 10 ms and 10 s");
    }
  }
}
