/**
 * A load driver for the HSM bridge's XKS decrypt over persistent mutual-TLS connections.
 *
 * <p>{@link com.sovereignstamp.bench.XksBench} is the entry point: it encrypts one fixture per
 * payload size with the XKS client, then drives the XKS decrypt and the bridge's baseline endpoint
 * (one PKCS#11 decrypt without SigV4 or JSON) through {@link
 * com.sovereignstamp.bench.ClosedLoopRun} (N connections, each sending its next request as soon as
 * the previous answer is in) and {@link com.sovereignstamp.bench.OpenLoopRun} (a fixed request
 * rate, latency measured from each request's scheduled send time so that a stalled server cannot
 * hide its own queueing — no coordinated omission). Each connection is one thread with one {@link
 * com.sovereignstamp.bench.TlsConnection}: hand-written HTTP/1.1 with keep-alive, bodies framed by
 * {@code Content-Length} only. Every latency is kept and sorted ({@link
 * com.sovereignstamp.bench.LatencySummary}); an answer other than the expected 200 is an error,
 * never a success. Before anything is measured, {@link com.sovereignstamp.bench.InitialWarmup}
 * loads the bridge until the JIT has settled, and every measured window records the CPU used by the
 * driver, the bridge and everything else ({@link com.sovereignstamp.bench.CpuSample}), so that a
 * run that shared the machine shows it. {@link com.sovereignstamp.bench.MarkdownReport} writes the
 * tables and {@link com.sovereignstamp.bench.GoalCheck} judges them against the project's goals.
 *
 * <p>{@link com.sovereignstamp.bench.XksAuditBench} measures the same XKS decrypt on several
 * bridges that differ only in their audit trail (off, embedded H2, PostgreSQL), one at a time in
 * alternating order, and reports the audited/unaudited ratios ({@link
 * com.sovereignstamp.bench.AuditReport}); {@link com.sovereignstamp.bench.AuditTrailCheck} then
 * reads the stopped bridges' trails back.
 */
package com.sovereignstamp.bench;
