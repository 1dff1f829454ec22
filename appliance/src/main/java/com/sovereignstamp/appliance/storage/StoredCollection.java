package com.sovereignstamp.appliance.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A collection as stored.
 *
 * @param dekVersion the DEK version new writes use
 * @param indexKeyVersion the blind-index key version new writes use
 */
public record StoredCollection(
    UUID id,
    String name,
    Classification classification,
    Instant createdAt,
    int dekVersion,
    int indexKeyVersion,
    String cmkKeyId) {}
