package com.sovereignstamp.appliance.storage;

import java.util.List;

/**
 * A document's row and, when it has at most the requested number of segments, all its segments —
 * read in one transaction. {@code segments} is null for a larger document (stream it).
 */
public record DocumentSnapshot(StoredDocument document, List<byte[]> segments) {}
