package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovereignstamp.sigv4.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XksClientErrorTest extends AgainstFakeProxy {
  @AfterEach
  void resetTheProxy() {
    proxy.api.corruptIntegrityValue = false;
    proxy.delayMillis = 0;
  }

  private static XksException failure(Runnable call) {
    return catchThrowableOfType(XksException.class, call::run);
  }

  @Test
  void anUnknownKey_throwsKeyNotFoundWithStatus404() {
    XksException e = failure(() -> client.metadata("no-such-key"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.errorName()).isEqualTo("KeyNotFoundException");
    assertThat(e.errorMessage()).isEqualTo("no key no-such-key");
    assertThat(e).hasMessage("XKS HTTP 404 KeyNotFoundException: no key no-such-key");
  }

  @Test
  void encryptWithADisabledKey_throwsInvalidState() {
    byte[] secret = "top secret plaintext".getBytes(StandardCharsets.US_ASCII);

    XksException e = failure(() -> client.encrypt(FakeXksApi.DISABLED_KEY_ID, secret, null, false));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errorName()).isEqualTo("InvalidStateException");
    assertThat(e.toString()).doesNotContain("top secret").doesNotContain("dG9wIHNlY3JldC");
  }

  @Test
  void aTamperedCiphertext_throwsInvalidCiphertext() {
    EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, new byte[16], null, false);
    byte[] altered = sealed.ciphertext();
    altered[0] ^= 1;
    XksCiphertext tampered =
        XksCiphertext.of(
            altered, sealed.iv(), sealed.authenticationTag(), sealed.ciphertextMetadata());

    XksException e = failure(() -> client.decrypt(FakeXksApi.KEY_ID, tampered, null));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errorName()).isEqualTo("InvalidCiphertextException");
  }

  @Test
  void decryptWithOtherAad_throwsInvalidCiphertext() {
    EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, new byte[16], new byte[] {1}, false);

    XksException e = failure(() -> client.decrypt(FakeXksApi.KEY_ID, sealed, new byte[] {2}));

    assertThat(e.errorName()).isEqualTo("InvalidCiphertextException");
  }

  @Test
  void aWrongIntegrityValue_isDetectedByTheClient() {
    proxy.api.corruptIntegrityValue = true;

    XksException e = failure(() -> client.encrypt(FakeXksApi.KEY_ID, new byte[8], null, true));

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.errorName()).isEqualTo(XksException.INTEGRITY_MISMATCH);
  }

  @Test
  void aWrongSecret_isRefusedWithAuthenticationFailed() {
    XksClientSettings wrong =
        proxy
            .settings()
            .credentials(
                FakeXksProxy.ACCESS_KEY_ID,
                SigningSecret.of("d3JvbmctIHNlY3JldC1mb3ItdGhlLXhrcy1jbGllbnQtdGVzdA"))
            .build();
    try (XksClient intruder = new XksClient(wrong)) {
      XksException e = failure(intruder::health);

      assertThat(e.status()).isEqualTo(401);
      assertThat(e.errorName()).isEqualTo("AuthenticationFailedException");
      assertThat(e.errorMessage()).isEqualTo("SIGNATURE_MISMATCH");
    }
  }

  @Test
  void anErrorAnswerThatIsNotJson_throwsUnexpectedResponse() {
    XksException e = failure(() -> client.metadata(FakeXksApi.BROKEN_KEY_ID));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.errorName()).isEqualTo("UnexpectedResponse");
  }

  @Test
  void aSlowProxy_givesClientTimeoutWellUnderASecond() {
    proxy.delayMillis = 3_000;
    try (XksClient impatient =
        new XksClient(proxy.settings().requestTimeout(Duration.ofMillis(250)).build())) {
      long start = System.nanoTime();
      XksException e = failure(impatient::health);
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(e.status()).isZero();
      assertThat(e.errorName()).isEqualTo(XksException.CLIENT_TIMEOUT);
      assertThat(elapsedMillis).isLessThan(1_000);
    }
  }

  @Test
  void anInvalidKeyId_isRefusedBeforeSending() {
    assertThatThrownBy(() -> client.metadata("../health"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
