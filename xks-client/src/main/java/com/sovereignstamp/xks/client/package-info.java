/**
 * A client of the AWS KMS External Key Store (XKS) proxy API, version 1: JSON over mutual TLS, each
 * request signed with SigV4 (service {@code kms-xks-proxy}).
 *
 * <p>{@link com.sovereignstamp.xks.client.PemTls} builds the TLS material from PEM files (the
 * private key as a {@link com.sovereignstamp.xks.client.SecretFile}), {@link
 * com.sovereignstamp.xks.client.ServerKeyPin} pins the bridge's key, {@link
 * com.sovereignstamp.xks.client.XksClientSettings} holds where and how to connect and how hard to
 * try ({@link com.sovereignstamp.xks.client.RetryPolicy}, {@link
 * com.sovereignstamp.xks.client.CircuitBreakerPolicy}), and {@link
 * com.sovereignstamp.xks.client.XksClient} offers the four operations (metadata, encrypt, decrypt,
 * health) as typed calls plus a raw {@code send} for tests that need malformed requests. Failures
 * surface as the unchecked {@link com.sovereignstamp.xks.client.XksException}, which carries the
 * HTTP status and the XKS {@code errorName}, in the subclass that says what to do about it
 * (unreachable, revoked, refused, key not found, invalid ciphertext). Nothing here logs, and no
 * exception message or {@code toString} contains a secret, a private key or plaintext. The rules
 * are in {@code docs/xks-client.md}.
 */
package com.sovereignstamp.xks.client;
