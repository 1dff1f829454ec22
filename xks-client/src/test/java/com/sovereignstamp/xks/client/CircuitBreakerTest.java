package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The breaker's state machine alone, on a manual clock. */
class CircuitBreakerTest {
  private final ManualTime time = new ManualTime();
  private final CircuitBreaker breaker =
      new CircuitBreaker(new CircuitBreakerPolicy(2, Duration.ofSeconds(1)), time);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.onFailure();
    }
  }

  @Test
  void halfOpenLetsExactlyOneTrialThrough() {
    fail(2);
    time.advance(Duration.ofSeconds(1));

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void anAbandonedTrialLetsTheNextCallTry() {
    fail(2);
    time.advance(Duration.ofSeconds(1));
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.onAbandoned();

    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aFailedTrialOpensForAnotherFullCoolDown() {
    fail(2);
    time.advance(Duration.ofSeconds(1));
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onFailure();
    time.advance(Duration.ofMillis(999));

    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.millisUntilTrial()).isEqualTo(1);
    time.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void failuresBelowTheThresholdKeepItClosed() {
    fail(1);
    breaker.onAnswer();
    fail(1);

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.consecutiveFailures()).isEqualTo(1);
  }
}
