package com.sovereignstamp.xks.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how long one call may try. A call makes at most {@link #maxAttempts()} attempts;
 * before attempt {@code n + 1} it waits a full-jitter backoff, a uniformly random time between 0
 * and {@code baseBackoff × 2^(n-1)}; and it never runs past its total budget: each attempt's
 * timeout is the request timeout or what is left of the budget, whichever is shorter, and a backoff
 * that would reach the end of the budget ends the call instead. Which failures are retried at all
 * is decided per operation by the client (see {@link XksClient}); an answer of the bridge is never
 * retried.
 */
public final class RetryPolicy {
  public static final int DEFAULT_MAX_ATTEMPTS = 2;
  public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(25);
  static final int MAX_ATTEMPTS_LIMIT = 10;
  static final Duration MAX_BASE_BACKOFF = Duration.ofSeconds(10);

  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration totalBudget;

  private RetryPolicy(int maxAttempts, Duration baseBackoff, Duration totalBudget) {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_ATTEMPTS_LIMIT);
    }
    Objects.requireNonNull(baseBackoff, "baseBackoff");
    if (baseBackoff.isNegative() || baseBackoff.compareTo(MAX_BASE_BACKOFF) > 0) {
      throw new IllegalArgumentException("baseBackoff must be 0 to " + MAX_BASE_BACKOFF);
    }
    if (totalBudget != null && (totalBudget.isNegative() || totalBudget.isZero())) {
      throw new IllegalArgumentException("totalBudget must be positive");
    }
    this.maxAttempts = maxAttempts;
    this.baseBackoff = baseBackoff;
    this.totalBudget = totalBudget;
  }

  /**
   * {@value #DEFAULT_MAX_ATTEMPTS} attempts, 25 ms base backoff, and a total budget of {@code
   * maxAttempts × requestTimeout} (500 ms with the XKS request timeout of 250 ms).
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_BACKOFF, null);
  }

  /** One attempt per call: nothing is ever retried. */
  public static RetryPolicy noRetries() {
    return new RetryPolicy(1, Duration.ZERO, null);
  }

  /**
   * @param totalBudget the most one call may take, or null for {@code maxAttempts × requestTimeout}
   */
  public static RetryPolicy of(int maxAttempts, Duration baseBackoff, Duration totalBudget) {
    return new RetryPolicy(maxAttempts, baseBackoff, totalBudget);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseBackoff, totalBudget);
  }

  public RetryPolicy withBaseBackoff(Duration backoff) {
    return new RetryPolicy(maxAttempts, backoff, totalBudget);
  }

  public RetryPolicy withTotalBudget(Duration budget) {
    return new RetryPolicy(maxAttempts, baseBackoff, budget);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseBackoff() {
    return baseBackoff;
  }

  /** The configured budget; empty means {@code maxAttempts × requestTimeout}. */
  public Optional<Duration> totalBudget() {
    return Optional.ofNullable(totalBudget);
  }

  /** The budget of one call with this request timeout. */
  public Duration totalBudgetFor(Duration requestTimeout) {
    return totalBudget != null ? totalBudget : requestTimeout.multipliedBy(maxAttempts);
  }

  /**
   * The longest backoff before the attempt after {@code failedAttempts} failed ones: {@code
   * baseBackoff × 2^(failedAttempts-1)}, saturating.
   */
  Duration backoffCeiling(int failedAttempts) {
    int shift = Math.min(Math.max(failedAttempts - 1, 0), 20);
    return baseBackoff.multipliedBy(1L << shift);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && baseBackoff.equals(p.baseBackoff)
        && Objects.equals(totalBudget, p.totalBudget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseBackoff, totalBudget);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", baseBackoff="
        + baseBackoff
        + ", totalBudget="
        + (totalBudget == null ? "maxAttempts x requestTimeout" : totalBudget)
        + "]";
  }
}
