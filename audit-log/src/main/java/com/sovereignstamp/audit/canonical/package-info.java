/**
 * Canonical JSON for audit-log entries: the RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * <p>An entry is built as an immutable {@link com.sovereignstamp.audit.canonical.JsonValue} (most
 * conveniently with {@link com.sovereignstamp.audit.canonical.CanonicalJson#object()}) and turned
 * into the exact bytes that are hashed into the Merkle tree with {@link
 * com.sovereignstamp.audit.canonical.CanonicalJson#serialize(JsonValue)}. Two writers that agree on
 * the data therefore agree on the bytes: members are sorted by their names as UTF-16 code units,
 * there is no whitespace, strings are escaped as ECMAScript's {@code JSON.stringify} does and
 * numbers are written as ECMAScript's {@code Number.prototype.toString} writes IEEE-754 doubles.
 *
 * <p>The offline verifier reads entries back with the strict RFC 8259 parser {@link
 * com.sovereignstamp.audit.canonical.CanonicalJson#parse(byte[])} and checks that stored bytes are
 * in canonical form with {@link
 * com.sovereignstamp.audit.canonical.CanonicalJson#isCanonical(byte[])}. Only the JDK is used.
 */
package com.sovereignstamp.audit.canonical;
