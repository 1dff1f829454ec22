package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which failures are retried: a request that never left is retried for every operation; one that
 * may have reached the bridge only for the idempotent reads; an answer never.
 */
class XksClientRetryTest {
  private static final byte[] PLAINTEXT = {1, 2, 3, 4};

  private FakeXksProxy proxy;
  private FlakyFront front;

  @BeforeEach
  void startProxyBehindAFront() throws Exception {
    proxy = FakeXksProxy.start("server");
    front = new FlakyFront(proxy.port());
  }

  @AfterEach
  void stop() throws Exception {
    front.close();
    proxy.close();
  }

  /** Through the front, 3 attempts, a short timeout against the slow proxy, no breaker trips. */
  private XksClient client(Duration requestTimeout) {
    return new XksClient(
        proxy
            .settingsVia(front.port())
            .requestTimeout(requestTimeout)
            .retry(RetryPolicy.of(3, Duration.ofMillis(10), null))
            .circuitBreaker(new CircuitBreakerPolicy(100, Duration.ofSeconds(1)))
            .build());
  }

  /** Waits until the proxy saw {@code n} requests, then a little longer for any late one. */
  private int arrivalsSettledAt(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (proxy.arrivals.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
    return proxy.arrivals.get();
  }

  @Test
  void encryptIsRetriedWhenTheConnectionCouldNotBeEstablished() throws Exception {
    front.connectionsToDrop.set(1);
    try (XksClient client = client(Duration.ofSeconds(5))) {
      EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, PLAINTEXT, null, false);

      assertThat(client.decrypt(FakeXksApi.KEY_ID, sealed, null)).isEqualTo(PLAINTEXT);
      assertThat(front.accepted.get()).isGreaterThanOrEqualTo(2);
      assertThat(arrivalsSettledAt(2)).isEqualTo(2);
    }
  }

  @Test
  void encryptIsNotRetriedAfterTheRequestMayHaveBeenSent() throws Exception {
    try (XksClient client = client(Duration.ofMillis(1_500))) {
      client.health(); // the connection is up: the encrypt below is sent at once
      proxy.arrivals.set(0);
      proxy.slowRequests.set(1);

      XksUnreachableException e =
          catchThrowableOfType(
              XksUnreachableException.class,
              () -> client.encrypt(FakeXksApi.KEY_ID, PLAINTEXT, null, false));

      assertThat(e).isNotNull();
      assertThat(e.errorName()).isEqualTo(XksException.CLIENT_TIMEOUT);
      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(arrivalsSettledAt(1)).isEqualTo(1);
    }
  }

  @Test
  void encryptIsNotRetriedWhenTheConnectionBreaksBeforeTheAnswer() throws Exception {
    proxy.unansweredRequests.set(1);
    try (XksClient client = client(Duration.ofSeconds(5))) {
      XksUnreachableException e =
          catchThrowableOfType(
              XksUnreachableException.class,
              () -> client.encrypt(FakeXksApi.KEY_ID, PLAINTEXT, null, false));

      assertThat(e).isNotNull();
      assertThat(e.errorName()).isEqualTo(XksException.TRANSPORT_FAILURE);
      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(arrivalsSettledAt(1)).isEqualTo(1);
    }
  }

  @Test
  void decryptIsRetriedAfterATimeoutAndSucceedsWhenTheBridgeAnswers() throws Exception {
    EncryptResult sealed;
    try (XksClient setup = proxy.client()) {
      sealed = setup.encrypt(FakeXksApi.KEY_ID, PLAINTEXT, null, false);
    }
    proxy.arrivals.set(0);
    proxy.slowRequests.set(1);
    try (XksClient client = client(Duration.ofSeconds(2))) {
      assertThat(client.decrypt(FakeXksApi.KEY_ID, sealed, null)).isEqualTo(PLAINTEXT);
      assertThat(arrivalsSettledAt(2)).isEqualTo(2);
    }
  }

  @Test
  void metadataAndHealthAreRetriedAfterTheConnectionBreaks() throws Exception {
    try (XksClient client = client(Duration.ofSeconds(5))) {
      proxy.unansweredRequests.set(1);
      assertThat(client.metadata(FakeXksApi.KEY_ID).enabled()).isTrue();
      proxy.unansweredRequests.set(1);
      assertThat(client.health().fleetSize()).isEqualTo(2);

      assertThat(arrivalsSettledAt(4)).isEqualTo(4);
    }
  }

  @Test
  void anErrorAnswerIsNeverRetried() throws Exception {
    try (XksClient client = client(Duration.ofSeconds(5))) {
      catchThrowableOfType(XksKeyNotFoundException.class, () -> client.metadata("no-such-key"));
      catchThrowableOfType(
          XksUnreachableException.class, () -> client.metadata(FakeXksApi.BROKEN_KEY_ID));

      assertThat(arrivalsSettledAt(2)).isEqualTo(2);
    }
  }

  @Test
  void attemptsStopAtMaxAttempts() throws Exception {
    front.dropAll = true;
    try (XksClient client = client(Duration.ofSeconds(5))) {
      XksUnreachableException e =
          catchThrowableOfType(
              XksUnreachableException.class,
              () -> client.encrypt(FakeXksApi.KEY_ID, PLAINTEXT, null, false));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(front.accepted).hasValue(3);
      assertThat(proxy.arrivals).hasValue(0);
    }
  }

  @Test
  void aCallNeverWaitsLongerThanItsTotalBudget() throws Exception {
    proxy.delayMillis = 10_000;
    XksClientSettings settings =
        proxy
            .settingsVia(front.port())
            .requestTimeout(Duration.ofSeconds(2))
            .retry(RetryPolicy.of(5, Duration.ofMillis(10), Duration.ofMillis(400)))
            .build();
    try (XksClient client = new XksClient(settings)) {
      client.health(); // warm up before the clock starts: handshake and class loading
    } catch (XksUnreachableException expected) {
      // the warm-up call times out as well
    }
    try (XksClient client = new XksClient(settings)) {
      long start = System.nanoTime();
      XksUnreachableException e =
          catchThrowableOfType(
              XksUnreachableException.class, () -> client.metadata(FakeXksApi.KEY_ID));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(e.errorName()).isEqualTo(XksException.CLIENT_TIMEOUT);
      assertThat(millis).isLessThan(1_900); // one attempt alone would take 2 s, five 10 s
    }
  }

  @Test
  void retriesWaitAFullJitterBackoffThatDoublesUpToTheBudget() throws Exception {
    front.dropAll = true;
    ManualTime time = new ManualTime();
    XksClientSettings settings =
        proxy
            .settingsVia(front.port())
            .requestTimeout(Duration.ofSeconds(5))
            .retry(RetryPolicy.of(4, Duration.ofMillis(100), Duration.ofSeconds(30)))
            .circuitBreaker(new CircuitBreakerPolicy(100, Duration.ofSeconds(1)))
            .build();
    try (XksClient client = new XksClient(settings, time, () -> 0.5)) {
      catchThrowableOfType(XksUnreachableException.class, client::health);
    }
    assertThat(time.sleeps)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void aBackoffThatWouldOverrunTheBudgetEndsTheCall() throws Exception {
    front.dropAll = true;
    ManualTime time = new ManualTime();
    XksClientSettings settings =
        proxy
            .settingsVia(front.port())
            .requestTimeout(Duration.ofSeconds(5))
            .retry(RetryPolicy.of(4, Duration.ofMillis(100), Duration.ofMillis(120)))
            .build();
    try (XksClient client = new XksClient(settings, time, () -> 1.0)) {
      catchThrowableOfType(XksUnreachableException.class, client::health);
    }
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100));
    assertThat(front.accepted).hasValue(2);
  }

  @Test
  void theRawSendIsNeitherRetriedNorBroken() throws Exception {
    front.dropAll = true;
    try (XksClient client = client(Duration.ofSeconds(5))) {
      catchThrowableOfType(
          XksUnreachableException.class,
          () -> client.send("POST", client.apiPath() + "/health", null, new byte[0], true));

      assertThat(front.accepted).hasValue(1);
      assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
    }
  }
}
