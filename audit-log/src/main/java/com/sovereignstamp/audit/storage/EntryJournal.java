package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.merkle.TreeHashes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The append-only files in front of the entry table: each batch of entries is one {@code write}
 * (and, if configured, one {@code fdatasync}) instead of one database transaction.
 *
 * <p><b>Format.</b> Segment files named by their first index ({@code
 * 00000000000000001234.journal}), each a 16-byte header (the magic {@code SSAJRNL1} and the first
 * index) followed by records: a 4-byte payload length, the CRC-32C of the payload, and the payload
 * (the entry's index, the time its batch was written in microseconds since the epoch, the entry's
 * canonical bytes). Integers are big-endian. A new segment is started once the current one passes
 * the configured size; a segment is deleted once every entry in it is in the table.
 *
 * <p><b>Recovery.</b> {@link #open} reads every segment: indexes must run on without a gap from
 * segment to segment. A record cut short or failing its checksum at the end of the last segment (a
 * write the process did not finish) is cut off; anywhere else it is corruption and opening fails.
 *
 * <p>Only one process may hold a journal: a lock file in the directory is held while it is open.
 * Not thread-safe: the log's writer appends, its table copier discards, under the log's locks.
 */
final class EntryJournal implements AutoCloseable {
  private static final String SUFFIX = ".journal";
  private static final long MAGIC = 0x5353414a524e4c31L; // "SSAJRNL1"
  private static final int HEADER_BYTES = 16;
  private static final int RECORD_HEADER_BYTES = 8;
  private static final int PAYLOAD_FIXED_BYTES = 16;
  private static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

  private final Path directory;
  private final boolean fsync;
  private final long segmentBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;

  /** Segment start index → file; the last one is being written. */
  private final TreeMap<Long, Path> segments = new TreeMap<>();

  /**
   * The segment being written. A {@link RandomAccessFile}, not a {@code FileChannel}: the batch may
   * be written by an appending request thread, and an interrupt of that thread would close an
   * interruptible channel under every other appender.
   */
  private RandomAccessFile active;

  private boolean broken;
  private long activeSize;
  private long nextIndex;
  private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private final CRC32C crc = new CRC32C();

  private EntryJournal(JournalSettings settings, FileChannel lockChannel, FileLock lock) {
    this.directory = settings.directory();
    this.fsync = settings.fsync();
    this.segmentBytes = settings.segmentBytes();
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** What {@link #open} found: the journal, and the entries it holds from the table's size on. */
  record Opened(EntryJournal journal, List<EntryRow> notInTable) {}

  /**
   * Locks the directory and reads its segments; returns the records with {@code index >=
   * tableSize}, which must continue the table without a gap.
   *
   * @throws IOException if the journal is held by another process, is corrupt, or lost entries the
   *     table does not have either
   */
  static Opened open(JournalSettings settings, long tableSize) throws IOException {
    Path directory = settings.directory();
    Files.createDirectories(directory);
    FileChannel lockChannel =
        FileChannel.open(
            directory.resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("the audit journal in " + directory + " is held by another log");
    }
    EntryJournal journal = new EntryJournal(settings, lockChannel, lock);
    try {
      List<EntryRow> notInTable = journal.recover(tableSize);
      return new Opened(journal, notInTable);
    } catch (IOException | RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  private List<EntryRow> recover(long tableSize) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        try {
          segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), f);
        } catch (NumberFormatException e) {
          throw new IOException("not a journal segment name: " + name, e);
        }
      }
    }
    List<EntryRow> notInTable = new ArrayList<>();
    long expected = segments.isEmpty() ? tableSize : segments.firstKey();
    for (Map.Entry<Long, Path> segment : segments.entrySet()) {
      if (segment.getKey() != expected) {
        throw new IOException(
            "audit journal segment "
                + segment.getValue().getFileName()
                + " does not follow entry "
                + (expected - 1));
      }
      boolean last = segment.getKey().equals(segments.lastKey());
      expected = readSegment(segment.getValue(), segment.getKey(), last, tableSize, notInTable);
    }
    if (expected < tableSize) {
      expected = tableSize; // the table is ahead of the journal: everything journaled is in it
    } else if (!segments.isEmpty() && segments.firstKey() > tableSize) {
      throw new IOException(
          "the audit journal starts at entry "
              + segments.firstKey()
              + " but the table holds only "
              + tableSize
              + ": entries were lost");
    }
    nextIndex = expected;
    return notInTable;
  }

  /** Reads one segment; returns the index after its last record. */
  private long readSegment(Path file, long first, boolean last, long tableSize, List<EntryRow> out)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    if (bytes.remaining() < HEADER_BYTES || bytes.getLong() != MAGIC || bytes.getLong() != first) {
      if (last && bytes.capacity() < HEADER_BYTES) {
        Files.delete(file); // created, never written: nothing was acknowledged from it
        segments.remove(first);
        return first;
      }
      throw new IOException("not an audit journal segment: " + file.getFileName());
    }
    long expected = first;
    while (bytes.hasRemaining()) {
      int start = bytes.position();
      EntryRow r = readRecord(bytes);
      if (r == null) {
        if (!last) {
          throw new IOException(
              "audit journal segment " + file.getFileName() + " is corrupt at byte " + start);
        }
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
          c.truncate(start); // a write the process did not finish; never acknowledged as whole
        }
        break;
      }
      if (r.index() != expected) {
        throw new IOException(
            "audit journal segment "
                + file.getFileName()
                + " holds entry "
                + r.index()
                + " where "
                + expected
                + " was due");
      }
      if (r.index() >= tableSize) {
        out.add(r);
      }
      expected++;
    }
    return expected;
  }

  /** The next record, or null if what is left is cut short or fails its checksum. */
  private EntryRow readRecord(ByteBuffer bytes) {
    if (bytes.remaining() < RECORD_HEADER_BYTES) {
      return null;
    }
    int length = bytes.getInt();
    int checksum = bytes.getInt();
    if (length < PAYLOAD_FIXED_BYTES
        || length > PAYLOAD_FIXED_BYTES + MAX_ENTRY_BYTES
        || bytes.remaining() < length) {
      return null;
    }
    crc.reset();
    crc.update(bytes.array(), bytes.position(), length);
    if ((int) crc.getValue() != checksum) {
      return null;
    }
    long index = bytes.getLong();
    long micros = bytes.getLong();
    byte[] entry = new byte[length - PAYLOAD_FIXED_BYTES];
    bytes.get(entry);
    return new EntryRow(
        index, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), entry, TreeHashes.leafHash(entry));
  }

  /** The index the next appended entry gets. */
  long nextIndex() {
    return nextIndex;
  }

  /**
   * Writes a batch as entries {@link #nextIndex()}… in one write (and one flush with fsync). On
   * failure nothing of the batch counts: what was partly written is cut off again, and if even that
   * fails the journal refuses every later batch.
   */
  void append(List<byte[]> entries, Instant at) throws IOException {
    if (broken) {
      throw new IOException(
          "a failed write could not be undone in the audit journal; reopen the log");
    }
    if (active == null) {
      startSegment(nextIndex);
    }
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
    int needed = 0;
    for (byte[] e : entries) {
      if (e.length > MAX_ENTRY_BYTES) {
        throw new IOException("an audit entry is larger than " + MAX_ENTRY_BYTES + " bytes");
      }
      needed += RECORD_HEADER_BYTES + PAYLOAD_FIXED_BYTES + e.length;
    }
    ByteBuffer b = buffer(needed);
    long index = nextIndex;
    for (byte[] e : entries) {
      int start = b.position();
      b.putInt(PAYLOAD_FIXED_BYTES + e.length).putInt(0).putLong(index++).putLong(micros).put(e);
      crc.reset();
      crc.update(b.array(), start + RECORD_HEADER_BYTES, PAYLOAD_FIXED_BYTES + e.length);
      b.putInt(start + 4, (int) crc.getValue());
    }
    b.flip();
    long at0 = activeSize;
    try {
      active.seek(at0);
      active.write(b.array(), 0, b.limit());
      if (fsync) {
        active.getFD().sync();
      }
    } catch (IOException e) {
      undo(at0);
      throw e;
    }
    activeSize = at0 + needed;
    nextIndex = index;
    if (activeSize >= segmentBytes) {
      finishSegment();
    }
  }

  private ByteBuffer buffer(int needed) {
    if (buffer.capacity() < needed) {
      buffer = ByteBuffer.allocate(Math.max(needed, buffer.capacity() * 2));
    }
    buffer.clear();
    return buffer;
  }

  private void undo(long size) {
    try {
      active.setLength(size);
    } catch (IOException e) {
      broken = true; // a later batch would follow a torn record: refuse until the log is reopened
      try {
        active.close();
      } catch (IOException ignored) {
        // the segment is abandoned; recovery cuts its torn end off
      }
      active = null;
    }
  }

  private void startSegment(long first) throws IOException {
    Path file = directory.resolve(String.format("%020d%s", first, SUFFIX));
    Files.createFile(file); // fails if it exists: a segment is never reused
    RandomAccessFile c = new RandomAccessFile(file.toFile(), "rw");
    try {
      c.write(ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putLong(first).array());
      if (fsync) {
        c.getFD().sync();
        syncDirectory();
      }
    } catch (IOException e) {
      c.close();
      Files.deleteIfExists(file);
      throw e;
    }
    segments.put(first, file);
    active = c;
    activeSize = HEADER_BYTES;
  }

  private void finishSegment() throws IOException {
    RandomAccessFile c = active;
    active = null;
    c.close();
  }

  /**
   * Deletes the segments whose every entry is below {@code tableSize} (in the table). The segment
   * being written is kept.
   */
  void discardBelow(long tableSize) throws IOException {
    while (!segments.isEmpty()) {
      Map.Entry<Long, Path> first = segments.firstEntry();
      Long next = segments.higherKey(first.getKey());
      boolean beingWritten = next == null && active != null;
      long end = next != null ? next : nextIndex;
      if (beingWritten || end > tableSize) {
        return;
      }
      Files.deleteIfExists(first.getValue());
      segments.remove(first.getKey());
    }
  }

  /** Deletes every segment: all journaled entries are in the table (at open or close). */
  void discardAll() throws IOException {
    if (active != null) {
      finishSegment();
    }
    for (Path p : segments.values()) {
      Files.deleteIfExists(p);
    }
    segments.clear();
  }

  private void syncDirectory() throws IOException {
    try (FileChannel d = FileChannel.open(directory, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (active != null) {
        finishSegment();
      }
    } finally {
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }
}
