package com.sovereignstamp.appliance.storage;

import java.io.InputStream;

/**
 * A document being read: its metadata and its plaintext. Close the stream. When the stream throws,
 * the content failed its integrity check part-way and the failure has been audited.
 */
public record DocumentContent(DocumentMetadata metadata, InputStream plaintext) {}
