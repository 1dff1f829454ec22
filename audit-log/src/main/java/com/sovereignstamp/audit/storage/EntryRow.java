package com.sovereignstamp.audit.storage;

import java.time.Instant;

/**
 * One entry as it is stored: its index, when its batch was made durable, its bytes and leaf hash.
 */
record EntryRow(long index, Instant recordedAt, byte[] entry, byte[] leafHash) {}
