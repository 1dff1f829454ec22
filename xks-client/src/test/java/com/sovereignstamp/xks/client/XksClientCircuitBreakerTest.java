package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's circuit breaker against a real proxy; its clock is a {@link ManualTime}, so the
 * cool-down passes only when a test says so. Calls meant to succeed get a generous timeout (a fresh
 * TLS handshake on a loaded machine can be slow); failures come from dropped connections, broken
 * ones, or a proxy that holds requests for 5 s.
 */
class XksClientCircuitBreakerTest {
  private static final Duration OPEN_FOR = Duration.ofSeconds(30);

  private FakeXksProxy proxy;
  private FlakyFront front;
  private final ManualTime time = new ManualTime();
  private XksClient client;

  @BeforeEach
  void start() throws Exception {
    proxy = FakeXksProxy.start("server");
    front = new FlakyFront(proxy.port());
    client = client(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    front.close();
    proxy.close();
  }

  private XksClient client(Duration requestTimeout) {
    return new XksClient(
        proxy
            .settingsVia(front.port())
            .requestTimeout(requestTimeout)
            .retry(RetryPolicy.noRetries())
            .circuitBreaker(new CircuitBreakerPolicy(3, OPEN_FOR))
            .build(),
        time);
  }

  private static XksUnreachableException unreachable(Runnable call) {
    return catchThrowableOfType(XksUnreachableException.class, call::run);
  }

  private void openTheBreakerWithDroppedConnections() {
    front.dropAll = true;
    for (int i = 0; i < 3; i++) {
      assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
      assertThat(unreachable(client::health).errorName()).isEqualTo(XksException.TRANSPORT_FAILURE);
    }
    assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void breakerOpensAfterConsecutiveTimeoutsAndFailsFastWithoutNetwork() throws Exception {
    proxy.delayMillis = 10_000;
    try (XksClient impatient = client(Duration.ofMillis(300))) {
      for (int i = 0; i < 3; i++) {
        assertThat(unreachable(impatient::health).errorName())
            .isEqualTo(XksException.CLIENT_TIMEOUT);
      }
      int accepted = front.accepted.get();
      int arrived = proxy.arrivals.get();

      XksUnreachableException e =
          unreachable(() -> impatient.encrypt(FakeXksApi.KEY_ID, new byte[] {7}, null, false));

      assertThat(impatient.circuitState()).isEqualTo(CircuitState.OPEN);
      assertThat(e.errorName()).isEqualTo(XksException.CIRCUIT_OPEN);
      assertThat(e.status()).isZero();
      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(e.getMessage()).contains("3 consecutive failures");
      assertThat(front.accepted).hasValue(accepted);
      assertThat(proxy.arrivals).hasValue(arrived);
    }
  }

  @Test
  void breakerOpensAfterConsecutiveConnectionFailuresToo() {
    openTheBreakerWithDroppedConnections();

    assertThat(unreachable(client::health).errorName()).isEqualTo(XksException.CIRCUIT_OPEN);
    assertThat(front.accepted).hasValue(3);
  }

  @Test
  void breakerStaysOpenUntilItsCoolDownIsOver() {
    openTheBreakerWithDroppedConnections();
    front.dropAll = false;
    time.advance(OPEN_FOR.minusMillis(1));

    assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(unreachable(client::health).errorName()).isEqualTo(XksException.CIRCUIT_OPEN);
    assertThat(front.accepted).hasValue(3);
  }

  @Test
  void halfOpenBreakerClosesAfterOneSuccess() {
    openTheBreakerWithDroppedConnections();
    front.dropAll = false;
    time.advance(OPEN_FOR);
    assertThat(client.circuitState()).isEqualTo(CircuitState.HALF_OPEN);

    assertThat(client.health().fleetSize()).isEqualTo(2);

    assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
    assertThat(client.metadata(FakeXksApi.KEY_ID).enabled()).isTrue();
  }

  @Test
  void halfOpenBreakerReopensWhenItsTrialFails() {
    openTheBreakerWithDroppedConnections();
    time.advance(OPEN_FOR);

    assertThat(unreachable(client::health).errorName()).isEqualTo(XksException.TRANSPORT_FAILURE);

    assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(unreachable(client::health).errorName()).isEqualTo(XksException.CIRCUIT_OPEN);
    assertThat(front.accepted).hasValue(4);
  }

  @Test
  void errorAnswersOfTheBridgeAreNotFailuresForTheBreaker() {
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> client.metadata("no-such-key"))
          .isInstanceOf(XksKeyNotFoundException.class);
      assertThatThrownBy(() -> client.encrypt(FakeXksApi.DISABLED_KEY_ID, new byte[1], null, false))
          .isInstanceOf(XksKeyRevokedException.class);
      assertThatThrownBy(() -> client.metadata(FakeXksApi.FORBIDDEN_KEY_ID))
          .isInstanceOf(XksRefusedException.class);
    }

    assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void anAnswerBetweenFailuresResetsTheCount() {
    proxy.unansweredRequests.set(2);
    unreachable(client::health);
    unreachable(client::health);
    assertThatThrownBy(() -> client.metadata(FakeXksApi.FORBIDDEN_KEY_ID))
        .isInstanceOf(XksRefusedException.class);
    proxy.unansweredRequests.set(2);
    unreachable(client::health);
    unreachable(client::health);

    assertThat(proxy.arrivals).hasValue(5);
    assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
  }
}
