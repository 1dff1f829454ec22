/**
 * The stored format of encrypted content, version 1, as specified in {@code docs/format.md}: the
 * encryption context ({@link com.sovereignstamp.format.CollectionScope}, {@link
 * com.sovereignstamp.format.EncryptionContext}), the header with its key slots ({@link
 * com.sovereignstamp.format.Header}, {@link com.sovereignstamp.format.KeySlot}), per-object keys by
 * HKDF-SHA-256, segmented AES-256-GCM ({@link com.sovereignstamp.format.SegmentEncryptor}, {@link
 * com.sovereignstamp.format.SegmentDecryptor}), encrypted metadata, the blind index and the context
 * bound into a wrapped key.
 *
 * <p>Domain code only: no JAX-RS, no JDBC, no HTTP. All cryptography goes through Bouncy Castle
 * FIPS (run the JVM with {@code -Dorg.bouncycastle.fips.approved_only=true}). Any tampering is
 * reported as {@link com.sovereignstamp.format.IntegrityFailureException}, which never says which
 * check failed.
 */
package com.sovereignstamp.format;
