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
