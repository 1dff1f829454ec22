package com.sovereignstamp.xks.client;

/** The state of an {@link XksClient}'s circuit breaker ({@link CircuitBreakerPolicy}). */
public enum CircuitState {
  /** Calls go through; consecutive failures are counted. */
  CLOSED,
  /** Calls fail at once with {@link XksException#CIRCUIT_OPEN}, without network. */
  OPEN,
  /** The cool-down is over: the next attempt is the one trial; others fail fast meanwhile. */
  HALF_OPEN
}
