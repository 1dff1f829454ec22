package com.sovereignstamp.appliance.storage;

import java.util.Iterator;

/** The segment ciphertexts of one object in index order, read a few rows at a time. */
public interface SegmentCursor extends Iterator<byte[]>, AutoCloseable {
  @Override
  void close();
}
