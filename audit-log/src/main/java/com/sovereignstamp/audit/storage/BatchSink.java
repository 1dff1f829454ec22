package com.sovereignstamp.audit.storage;

import java.util.List;

/**
 * Where the log's writer makes a batch durable: straight into the entry table ({@link
 * TableBatches}) or into a journal that is copied into the table in larger transactions ({@link
 * JournaledBatches}).
 */
interface BatchSink extends AutoCloseable {
  /**
   * Makes a batch (consecutive indexes, following the previous batch) durable, all or none.
   *
   * @throws Exception if it is not; the log then fails every append of the batch
   */
  void write(List<EntryRow> batch) throws Exception;

  /**
   * Whether writing a batch is quick and local (a file write), so that an appending request thread
   * may do it itself; false when it waits on a database server (the writer thread does it, and a
   * server that hangs holds up no request beyond its append timeout).
   */
  boolean local();

  /** Whether the sink can take a batch now (false while its table cannot be written). */
  boolean accepting();

  /** Whether the sink found another writer on its table and the log must stop. */
  boolean forked();

  /** Returns once every entry below {@code size} is in the table. */
  void awaitTable(long size);

  @Override
  void close();
}
