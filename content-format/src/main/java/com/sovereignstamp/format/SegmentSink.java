package com.sovereignstamp.format;

import java.io.IOException;

/** Receives encrypted segments in order: one database row each, say. */
@FunctionalInterface
public interface SegmentSink {
  void accept(int index, byte[] ciphertextSegment) throws IOException;
}
