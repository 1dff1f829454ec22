/**
 * JMH microbenchmarks of AES-256-GCM: Bouncy Castle FIPS in approved-only mode (the provider the
 * stamp runs on) against the JDK's own provider, SunJCE, the baseline measured in the same run; and
 * the stored format's segmented encryption (content-format, 64 KiB segments) on Bouncy Castle FIPS,
 * to show what the format adds to raw GCM.
 *
 * <p>{@link com.sovereignstamp.bench.crypto.CryptoBench} is the entry point (run it through {@code
 * bench/run-crypto-bench}): it runs {@link com.sovereignstamp.bench.crypto.AesGcmBenchmark} and
 * {@link com.sovereignstamp.bench.crypto.SegmentedFormatBenchmark} in forked JVMs started in
 * approved-only mode, and {@link com.sovereignstamp.bench.crypto.CryptoReport} writes MB/s and the
 * ratios against the JDK. Every encryption uses a fresh nonce ({@link
 * com.sovereignstamp.bench.crypto.CounterNonce}), the same code for both providers.
 */
package com.sovereignstamp.bench.crypto;
