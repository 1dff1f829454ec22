package com.sovereignstamp.audit.canonical;

/**
 * An immutable JSON value: the data model of an audit-log entry.
 *
 * <p>The model is deliberately the I-JSON subset that RFC 8785 canonicalizes: object member names
 * are unique, strings are well-formed UTF-16 (no lone surrogates) and numbers are finite IEEE-754
 * doubles. Each implementation enforces its part of that when it is constructed, so any value that
 * exists can be serialized.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {}
