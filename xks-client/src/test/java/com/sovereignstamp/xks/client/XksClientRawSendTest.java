package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw {@code send} of malformed requests returns whatever the proxy answers. */
class XksClientRawSendTest extends AgainstFakeProxy {
  private static final byte[] HEALTH_BODY =
      "{\"requestMetadata\":{\"kmsRequestId\":\"r1\",\"kmsOperation\":\"KmsHealthCheck\"}}"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void aSignedRawRequest_isAnsweredLikeATypedOne() {
    XksRawResponse r =
        client.send("POST", client.apiPath() + "/health", Map.of(), HEALTH_BODY, true);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).contains("application/json");
    assertThat(r.bodyText()).contains("\"xksProxyFleetSize\":2");
  }

  @Test
  void anUnsignedRequest_getsAuthenticationFailed() {
    XksRawResponse r = client.send("POST", "/demo/kms/xks/v1/health", Map.of(), HEALTH_BODY, false);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).contains("AuthenticationFailedException");
  }

  @Test
  void aGet_getsMethodNotAllowed() {
    XksRawResponse r = client.send("GET", "/demo/kms/xks/v1/health", Map.of(), null, true);

    assertThat(r.status()).isEqualTo(405);
  }

  @Test
  void aBodyThatIsNotJson_getsValidationException() {
    byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);

    XksRawResponse r = client.send("POST", "/demo/kms/xks/v1/health", Map.of(), junk, true);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("ValidationException");
  }

  @Test
  void anExtraHeaderReplacesTheSignedDate_andBreaksTheSignature() {
    XksRawResponse r =
        client.send(
            "POST",
            "/demo/kms/xks/v1/health",
            Map.of("X-Amz-Date", "20200101T000000Z"),
            HEALTH_BODY,
            true);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).contains("AuthenticationFailedException");
  }

  @Test
  void anUnknownPath_getsInvalidUriPath() {
    XksRawResponse r = client.send("POST", "/other/kms/xks/v1/health", Map.of(), HEALTH_BODY, true);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.bodyText()).contains("InvalidUriPathException");
  }
}
