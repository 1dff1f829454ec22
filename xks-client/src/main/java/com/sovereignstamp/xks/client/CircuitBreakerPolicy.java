package com.sovereignstamp.xks.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When the client stops calling a bridge it cannot reach. After {@code failureThreshold}
 * consecutive failed attempts (no connection, TLS failure, timeout) the breaker opens: every call
 * fails at once with {@link XksUnreachableException} ({@link XksException#CIRCUIT_OPEN}) without
 * touching the network. After {@code openDuration} it is half-open: one trial attempt goes through;
 * if the bridge answers (with any HTTP status) the breaker closes, otherwise it opens again for
 * another {@code openDuration}. Any answer of the bridge, error answers included, resets the count.
 *
 * @param failureThreshold consecutive failed attempts that open the breaker (at least 1)
 * @param openDuration how long it stays open before a trial (positive)
 */
public record CircuitBreakerPolicy(int failureThreshold, Duration openDuration) {
  public static final int DEFAULT_FAILURE_THRESHOLD = 5;
  public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(1);

  public CircuitBreakerPolicy {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1");
    }
    Objects.requireNonNull(openDuration, "openDuration");
    if (openDuration.isNegative() || openDuration.isZero()) {
      throw new IllegalArgumentException("openDuration must be positive");
    }
  }

  /** 5 consecutive failures open the breaker for 1 s. */
  public static CircuitBreakerPolicy defaults() {
    return new CircuitBreakerPolicy(DEFAULT_FAILURE_THRESHOLD, DEFAULT_OPEN_DURATION);
  }
}
