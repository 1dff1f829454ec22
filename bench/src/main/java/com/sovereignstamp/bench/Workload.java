package com.sovereignstamp.bench;

/**
 * What one measured point sends: a request per call of {@link #nextRequest()} and the rule that
 * tells a right answer from a wrong one. Implementations are shared by all connection threads.
 */
interface Workload {
  /** The scenario's name in the report, e.g. {@code xks-decrypt}. */
  String scenario();

  /** The payload's name in the report, e.g. {@code 32 B}. */
  String payload();

  /** The complete bytes of the next request (head and body). */
  byte[] nextRequest();

  /** Whether the answer is the success this scenario expects (status 200 and the plaintext). */
  boolean isExpected(HttpResponse response);
}
