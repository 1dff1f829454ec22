package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.format.SegmentSink;
import java.io.IOException;

/** Produces a document's encrypted segments into the repository's transaction. */
@FunctionalInterface
public interface ContentWriter {
  WrittenContent write(SegmentSink sink) throws IOException;
}
