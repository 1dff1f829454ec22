package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovereignstamp.sigv4.SigningSecret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each answer of the bridge becomes the named exception a caller acts on. */
class XksExceptionMappingTest extends AgainstFakeProxy {
  private static final byte[] PLAINTEXT =
      "top secret plaintext".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "400, InvalidStateException, XksKeyRevokedException",
    "400, InvalidCiphertextException, XksInvalidCiphertextException",
    "400, ValidationException, XksException",
    "400, InvalidKeyUsageException, XksException",
    "401, AuthenticationFailedException, XksRefusedException",
    "403, AccessDeniedException, XksRefusedException",
    "403, SomethingElse, XksRefusedException",
    "404, KeyNotFoundException, XksKeyNotFoundException",
    "404, InvalidUriPathException, XksException",
    "429, ThrottlingException, XksException",
    "500, InternalException, XksException",
    "501, UnsupportedOperationException, XksException",
    "503, DependencyTimeoutException, XksUnreachableException",
  })
  void theErrorNameAndStatusPickTheException(int status, String errorName, String type) {
    byte[] body =
        ("{\"errorName\":\"" + errorName + "\",\"errorMessage\":\"m\"}")
            .getBytes(StandardCharsets.UTF_8);

    XksException e = ErrorAnswer.toException(status, body, "k1");

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.errorName()).isEqualTo(errorName);
    assertThat(e.keyId()).contains("k1");
  }

  @ParameterizedTest(name = "{0} without an XKS body -> {1}")
  @CsvSource({
    "401, XksRefusedException",
    "403, XksRefusedException",
    "500, XksException",
    "502, XksUnreachableException",
    "503, XksUnreachableException",
    "504, XksUnreachableException",
  })
  void anAnswerWithoutAnXksErrorIsMappedByItsStatus(int status, String type) {
    XksException e =
        ErrorAnswer.toException(
            status, "<html>gateway says no</html>".getBytes(StandardCharsets.UTF_8), null);

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.errorName()).isEqualTo(ErrorAnswer.UNEXPECTED);
    assertThat(e.getMessage()).doesNotContain("gateway says no");
  }

  @Test
  void refusedCredentialMapsToRefusedException() {
    XksClientSettings wrong =
        proxy
            .settings()
            .credentials(
                FakeXksProxy.ACCESS_KEY_ID,
                SigningSecret.of("d3JvbmctIHNlY3JldC1mb3ItdGhlLXhrcy1jbGllbnQtdGVzdA"))
            .build();
    try (XksClient intruder = new XksClient(wrong)) {
      XksRefusedException e =
          catchThrowableOfType(
              XksRefusedException.class, () -> intruder.metadata(FakeXksApi.KEY_ID));

      assertThat(e.status()).isEqualTo(401);
      assertThat(e.errorName()).isEqualTo("AuthenticationFailedException");
      assertThat(e.keyId()).contains(FakeXksApi.KEY_ID);
    }
  }

  @Test
  void withdrawnGrantMapsToRefusedException() {
    XksRefusedException e =
        catchThrowableOfType(
            XksRefusedException.class,
            () -> client.encrypt(FakeXksApi.FORBIDDEN_KEY_ID, PLAINTEXT, null, false));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.errorName()).isEqualTo("AccessDeniedException");
  }

  @Test
  void revokedKeyMapsToRevokedExceptionOnEncryptAndDecrypt() {
    EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, PLAINTEXT, null, false);

    XksKeyRevokedException onEncrypt =
        catchThrowableOfType(
            XksKeyRevokedException.class,
            () -> client.encrypt(FakeXksApi.DISABLED_KEY_ID, PLAINTEXT, null, false));
    XksKeyRevokedException onDecrypt =
        catchThrowableOfType(
            XksKeyRevokedException.class,
            () -> client.decrypt(FakeXksApi.DISABLED_KEY_ID, sealed, null));

    assertThat(onEncrypt.errorName()).isEqualTo("InvalidStateException");
    assertThat(onEncrypt.keyId()).contains(FakeXksApi.DISABLED_KEY_ID);
    assertThat(onEncrypt.toString()).doesNotContain("top secret").doesNotContain("dG9wIHNlY3JldC");
    assertThat(onDecrypt.status()).isEqualTo(400);
  }

  @Test
  void requireEnabledOfADisabledKeyThrowsRevoked() {
    assertThat(client.requireEnabled(FakeXksApi.KEY_ID).keySpec()).isEqualTo("AES_256");

    XksKeyRevokedException e =
        catchThrowableOfType(
            XksKeyRevokedException.class, () -> client.requireEnabled(FakeXksApi.DISABLED_KEY_ID));

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.errorName()).isEqualTo(XksException.KEY_DISABLED);
    assertThat(e.getMessage()).contains("DISABLED");
  }

  @Test
  void unknownKeyMapsToKeyNotFoundException() {
    XksKeyNotFoundException e =
        catchThrowableOfType(
            XksKeyNotFoundException.class, () -> client.decrypt("gone-key", sealed(), null));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.keyId()).contains("gone-key");
  }

  @Test
  void tamperedCiphertextMapsToInvalidCiphertextException() {
    EncryptResult sealed = sealed();
    byte[] tag = sealed.authenticationTag();
    tag[0] ^= 1;
    XksCiphertext tampered =
        XksCiphertext.of(sealed.ciphertext(), sealed.iv(), tag, sealed.ciphertextMetadata());

    XksInvalidCiphertextException e =
        catchThrowableOfType(
            XksInvalidCiphertextException.class,
            () -> client.decrypt(FakeXksApi.KEY_ID, tampered, null));

    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void anHsmThatDoesNotAnswerMapsToUnreachableAndIsNotRetried() {
    int before = proxy.arrivals.get();

    XksUnreachableException e =
        catchThrowableOfType(
            XksUnreachableException.class, () -> client.metadata(FakeXksApi.HSM_DOWN_KEY_ID));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.errorName()).isEqualTo("DependencyTimeoutException");
    assertThat(e.requestMayHaveBeenSent()).isTrue();
    assertThat(proxy.arrivals.get() - before).isEqualTo(1);
    assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void anythingElseIsThePlainXksException() {
    XksException e = catchThrowableOfType(XksException.class, () -> client.metadata("chatty-key"));

    assertThat(e.getClass()).isEqualTo(XksException.class);
    assertThat(e.status()).isEqualTo(500);
  }

  @Test
  void messagesCarryOnlyABoundedPrintableErrorMessageNeverOtherFieldsOfTheBody() {
    XksException e =
        catchThrowableOfType(XksException.class, () -> client.metadata(FakeXksApi.CHATTY_KEY_ID));

    assertThat(e.getMessage())
        .doesNotContain(FakeXksApi.CHATTY_SECRET)
        .doesNotContain("plaintext")
        .matches("[\\x20-\\x7e]*");
    assertThat(e.errorMessage()).hasSize(512).startsWith("?chec?");
    assertThat(e.getMessage().length()).isLessThan(600);
  }

  private static EncryptResult sealed() {
    return client.encrypt(FakeXksApi.KEY_ID, PLAINTEXT, null, false);
  }
}
