package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.sigv4.SigningSecret;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class XksClientSettingsTest {
  private static final String SECRET_TEXT = "c2V0dGluZ3MtdGVzdC1zZWNyZXQtdGhhdC1tdXN0LW5vdC1sZWFr";

  private static XksClientSettings.Builder valid() {
    return XksClientSettings.builder()
        .baseUrl("https://127.0.0.1:8443")
        .uriPrefix("/demo")
        .region("eu-central-1")
        .credentials("AKIASOVEREIGNSTAMP234", SigningSecret.of(SECRET_TEXT))
        .sslContext(PemTls.trustOnly(TestPki.get().ca()));
  }

  @Test
  void defaults_areTheXksBudgetAndTheUtcClock() {
    XksClientSettings s = valid().build();

    assertThat(s.requestTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.clock()).isEqualTo(Clock.systemUTC());
  }

  @Test
  void defaults_retryOnceWithinTwiceTheTimeoutAndBreakAfterFiveFailuresForASecond() {
    XksClientSettings s = valid().build();

    assertThat(s.retry().maxAttempts()).isEqualTo(2);
    assertThat(s.retry().baseBackoff()).isEqualTo(Duration.ofMillis(25));
    assertThat(s.retry().totalBudget()).isEmpty();
    assertThat(s.totalBudget()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.circuitBreaker()).isEqualTo(new CircuitBreakerPolicy(5, Duration.ofSeconds(1)));
    assertThat(s.serverKeyPins()).isEmpty();
    assertThat(s.tls()).isNull();
  }

  @Test
  void theDefaultBudgetFollowsTheRequestTimeoutAndAnExplicitOneStays() {
    XksClientSettings s = valid().requestTimeout(Duration.ofSeconds(2)).build();

    assertThat(s.totalBudget()).isEqualTo(Duration.ofSeconds(4));
    assertThat(s.withRequestTimeout(Duration.ofSeconds(1)).totalBudget())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            valid()
                .retry(RetryPolicy.defaults().withTotalBudget(Duration.ofMillis(300)))
                .build()
                .withRequestTimeout(Duration.ofSeconds(1))
                .totalBudget())
        .isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void withRequestTimeout_keepsTheOtherSettings() {
    TestPki pki = TestPki.get();
    ServerKeyPin pin = ServerKeyPin.fromCertificateFile(pki.certificate("server"));
    XksClientSettings s =
        valid()
            .tls(PemTls.material(pki.ca(), pki.chain("client"), pki.key("client")))
            .serverKeyPins(pin)
            .retry(RetryPolicy.noRetries())
            .circuitBreaker(new CircuitBreakerPolicy(9, Duration.ofSeconds(3)))
            .build();

    XksClientSettings changed = s.withRequestTimeout(Duration.ofSeconds(1));

    assertThat(changed.serverKeyPins()).containsExactly(pin);
    assertThat(changed.tls()).isSameAs(s.tls());
    assertThat(changed.retry()).isEqualTo(RetryPolicy.noRetries());
    assertThat(changed.circuitBreaker().failureThreshold()).isEqualTo(9);
  }

  @Test
  void theConstructorOfEarlierVersions_stillWorksWithTheDefaults() {
    XksClientSettings s =
        new XksClientSettings(
            java.net.URI.create("https://127.0.0.1:8443"),
            "/demo",
            "eu-central-1",
            "AKIASOVEREIGNSTAMP234",
            SigningSecret.of(SECRET_TEXT),
            PemTls.trustOnly(TestPki.get().ca()),
            Duration.ofMillis(250),
            Clock.systemUTC());

    assertThat(s.retry()).isEqualTo(RetryPolicy.defaults());
    assertThat(s.circuitBreaker()).isEqualTo(CircuitBreakerPolicy.defaults());
  }

  @Test
  void toString_showsPinsAndPoliciesButNoSecretOrKey() {
    TestPki pki = TestPki.get();
    ServerKeyPin pin = ServerKeyPin.fromCertificateFile(pki.certificate("server"));
    String text =
        valid()
            .tls(PemTls.material(pki.ca(), pki.chain("client"), pki.key("client")))
            .serverKeyPins(pin)
            .build()
            .toString();

    assertThat(text)
        .contains("secret=redacted")
        .contains(pin.toString())
        .contains("maxAttempts=2")
        .contains("failureThreshold=5")
        .doesNotContain(SECRET_TEXT)
        .doesNotContain("PRIVATE");
  }

  @Test
  void invalidRetryAndBreakerValues_areRefused() {
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(11))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.defaults().withBaseBackoff(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.defaults().withTotalBudget(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CircuitBreakerPolicy(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CircuitBreakerPolicy(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anHttpsUrlNeedsExactlyOneOfContextOrMaterial() {
    TestPki pki = TestPki.get();
    TlsMaterial material = PemTls.material(pki.ca(), pki.chain("client"), pki.key("client"));
    XksClientSettings.Builder b = valid();

    assertThat(b.tls(material).build().sslContext()).isNull();
    assertThatThrownBy(
            () ->
                new XksClientSettings(
                    java.net.URI.create("https://127.0.0.1:8443"),
                    "",
                    "eu-central-1",
                    "AKIAOK",
                    SigningSecret.of(SECRET_TEXT),
                    PemTls.trustOnly(pki.ca()),
                    null,
                    null,
                    material,
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void anEmptyPrefix_isAllowed() {
    assertThat(valid().uriPrefix("").build().uriPrefix()).isEmpty();
  }

  @Test
  void toString_hidesTheSecret() {
    assertThat(valid().build().toString()).contains("secret=redacted").doesNotContain(SECRET_TEXT);
  }

  @Test
  void invalidValues_areRefusedByTheBuilder() {
    assertThatThrownBy(() -> valid().baseUrl("ftp://127.0.0.1").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().baseUrl("https://127.0.0.1:8443/demo").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().uriPrefix("demo").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().uriPrefix("/demo/").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().region(" ").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().credentials("AKIA/BAD", SigningSecret.of("x")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().credentials("AKIAOK", null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> valid().sslContext(null).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theHostHeader_isTheAuthorityWithoutADefaultPort() {
    assertThat(XksTransport.hostHeader(java.net.URI.create("https://127.0.0.1:8443")))
        .isEqualTo("127.0.0.1:8443");
    assertThat(XksTransport.hostHeader(java.net.URI.create("https://xks.example.com:443")))
        .isEqualTo("xks.example.com");
    assertThat(XksTransport.hostHeader(java.net.URI.create("https://xks.example.com")))
        .isEqualTo("xks.example.com");
  }
}
