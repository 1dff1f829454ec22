/**
 * A client of the AWS KMS External Key Store (XKS) proxy API, version 1: JSON over mutual TLS, each
 * request signed with SigV4 (service {@code kms-xks-proxy}).
 *
 * <p>{@link com.sovereignstamp.xks.client.PemTls} builds the TLS context from PEM files, {@link
 * com.sovereignstamp.xks.client.XksClientSettings} holds where and how to connect, and {@link
 * com.sovereignstamp.xks.client.XksClient} offers the four operations (metadata, encrypt, decrypt,
 * health) as typed calls plus a raw {@code send} for tests that need malformed requests. Failures
 * surface as the unchecked {@link com.sovereignstamp.xks.client.XksException}, which carries the
 * HTTP status and the XKS {@code errorName}. Nothing here logs, and no exception message or {@code
 * toString} contains a secret, a private key or plaintext.
 */
package com.sovereignstamp.xks.client;
