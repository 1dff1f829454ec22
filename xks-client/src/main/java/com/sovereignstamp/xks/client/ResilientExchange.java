package com.sovereignstamp.xks.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * One typed call: attempts under the circuit breaker, retried where it is safe, within the call's
 * total budget. The rules (also in {@code docs/xks-client.md}):
 *
 * <ul>
 *   <li>An answer of the bridge, whatever its status, ends the call: it is never retried and it
 *       closes the breaker.
 *   <li>A failure before the request could leave this process (connection refused, TLS handshake
 *       failed) is retried for every operation, encrypt included.
 *   <li>A failure after the request may have been sent (timeout, reset) is retried only for
 *       idempotent operations: metadata, health and decrypt. Encrypt is not: a second encrypt would
 *       make a second ciphertext and a second audit entry at the bridge.
 *   <li>A rejected server certificate (unpinned key, unknown CA, wrong name) is not retried.
 *   <li>Before each retry a full-jitter backoff; no attempt starts, and no backoff is taken, past
 *       the budget; each attempt's timeout is cut to what is left of it.
 * </ul>
 */
final class ResilientExchange {
  private final XksTransport transport;
  private final CircuitBreaker breaker;
  private final RetryPolicy retry;
  private final Duration requestTimeout;
  private final Duration budget;
  private final MonotonicTime time;
  private final DoubleSupplier jitter;

  ResilientExchange(
      XksTransport transport,
      CircuitBreaker breaker,
      XksClientSettings settings,
      MonotonicTime time,
      DoubleSupplier jitter) {
    this.transport = transport;
    this.breaker = breaker;
    this.retry = settings.retry();
    this.requestTimeout = settings.requestTimeout();
    this.budget = settings.totalBudget();
    this.time = time;
    this.jitter = jitter;
  }

  /**
   * Posts a signed body, the same bytes on every attempt (so the same {@code kmsRequestId}).
   *
   * @param idempotent whether the operation may be repeated once it may have reached the bridge
   * @throws XksUnreachableException when no attempt got an answer
   */
  HttpResponse<byte[]> post(String path, byte[] body, boolean idempotent) {
    long deadline = time.nanoTime() + budget.toNanos();
    XksUnreachableException last = null;
    for (int attempt = 1; ; attempt++) {
      if (!breaker.tryAcquire()) {
        throw last != null ? last : circuitOpen();
      }
      try {
        HttpResponse<byte[]> answer =
            transport.exchange("POST", path, Map.of(), body, true, attemptTimeout(deadline));
        breaker.onAnswer();
        return answer;
      } catch (XksUnreachableException e) {
        if (TransportFailures.isInterruption(e)) {
          breaker.onAbandoned();
          throw e;
        }
        breaker.onFailure();
        last = e;
      } catch (RuntimeException e) {
        breaker.onAbandoned();
        throw e;
      }
      if (attempt >= retry.maxAttempts() || !retryable(last, idempotent)) {
        throw last;
      }
      backOff(attempt, deadline, last);
    }
  }

  static boolean retryable(XksUnreachableException failure, boolean idempotent) {
    return failure.worthRetrying() && (idempotent || !failure.requestMayHaveBeenSent());
  }

  private Duration attemptTimeout(long deadline) {
    long left = Math.max(deadline - time.nanoTime(), 1_000_000);
    return left < requestTimeout.toNanos() ? Duration.ofNanos(left) : requestTimeout;
  }

  /** Waits the full-jitter backoff, or throws {@code last} when the budget would run out. */
  private void backOff(int failedAttempts, long deadline, XksUnreachableException last) {
    double fraction = Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
    long pause = (long) (retry.backoffCeiling(failedAttempts).toNanos() * fraction);
    if (time.nanoTime() + pause >= deadline) {
      throw last;
    }
    try {
      time.sleep(Duration.ofNanos(pause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TransportFailures.interrupted(e);
    }
    if (time.nanoTime() >= deadline) {
      throw last;
    }
  }

  private XksUnreachableException circuitOpen() {
    return new XksUnreachableException(
        0,
        XksException.CIRCUIT_OPEN,
        "the circuit breaker is open after "
            + breaker.consecutiveFailures()
            + " consecutive failures; next trial in "
            + breaker.millisUntilTrial()
            + " ms",
        null,
        false,
        false,
        null);
  }
}
