package com.sovereignstamp.xks.client;

/**
 * The breaker of one client ({@link CircuitBreakerPolicy}). Each attempt asks {@link #tryAcquire}
 * first and then reports exactly one of {@link #onAnswer}, {@link #onFailure} or {@link
 * #onAbandoned}. Thread-safe.
 */
final class CircuitBreaker {
  private final CircuitBreakerPolicy policy;
  private final MonotonicTime time;
  private CircuitState state = CircuitState.CLOSED;
  private int consecutiveFailures;
  private long openedAt;
  private boolean trialInFlight;

  CircuitBreaker(CircuitBreakerPolicy policy, MonotonicTime time) {
    this.policy = policy;
    this.time = time;
  }

  /** True when an attempt may use the network now; in half-open state, only the one trial. */
  synchronized boolean tryAcquire() {
    if (state == CircuitState.OPEN && coolDownOver()) {
      state = CircuitState.HALF_OPEN;
      trialInFlight = false;
    }
    switch (state) {
      case CLOSED:
        return true;
      case HALF_OPEN:
        if (trialInFlight) {
          return false;
        }
        trialInFlight = true;
        return true;
      default:
        return false;
    }
  }

  /** The bridge answered (any HTTP status): it is reachable. */
  synchronized void onAnswer() {
    consecutiveFailures = 0;
    trialInFlight = false;
    state = CircuitState.CLOSED;
  }

  /** The attempt failed on the transport or timed out. */
  synchronized void onFailure() {
    consecutiveFailures++;
    trialInFlight = false;
    if (state == CircuitState.HALF_OPEN || consecutiveFailures >= policy.failureThreshold()) {
      state = CircuitState.OPEN;
      openedAt = time.nanoTime();
    }
  }

  /** The attempt ended without telling anything about the bridge (e.g. interrupted). */
  synchronized void onAbandoned() {
    trialInFlight = false;
  }

  /** The state as a caller would find it now (open turns half-open once the cool-down is over). */
  synchronized CircuitState state() {
    return state == CircuitState.OPEN && coolDownOver() ? CircuitState.HALF_OPEN : state;
  }

  synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** Milliseconds until the open breaker lets a trial through (0 when not open). */
  synchronized long millisUntilTrial() {
    if (state != CircuitState.OPEN) {
      return 0;
    }
    long left = policy.openDuration().toNanos() - (time.nanoTime() - openedAt);
    return Math.max(0, (left + 999_999) / 1_000_000);
  }

  private boolean coolDownOver() {
    return time.nanoTime() - openedAt >= policy.openDuration().toNanos();
  }
}
