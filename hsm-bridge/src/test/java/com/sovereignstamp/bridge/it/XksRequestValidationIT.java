package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksRawResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets the specification's error: never a 500, never a stack trace. */
class XksRequestValidationIT {
  private static XksClient client;
  private static String keyPath;
  private static final String MD =
      "\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"Encrypt\","
          + "\"awsPrincipalArn\":\"arn:aws:iam::111122223333:role/a\",\"kmsKeyArn\":\"arn:k\"}";

  @BeforeAll
  static void connect() throws Exception {
    BridgeInstance bridge = SharedBridge.get();
    client = bridge.client();
    keyPath = client.apiPath() + "/keys/" + bridge.env("XKS_KEY_ID");
  }

  @AfterAll
  static void everyCallIsInTheAuditTrail() throws Exception {
    SharedBridge.everyCallIsRecorded();
  }

  private static XksRawResponse post(String path, String body) {
    return client.send("POST", path, null, body.getBytes(StandardCharsets.UTF_8), true);
  }

  private static void assertError(XksRawResponse r, int status, String errorName) {
    assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
    assertThat(r.header("content-type").orElse("")).startsWith("application/json");
    JsonObject body = Json.createReader(new StringReader(r.bodyText())).readObject();
    assertThat(body.getString("errorName")).isEqualTo(errorName);
    String message = body.getString("errorMessage", "");
    assertThat(message.length()).isLessThan(512);
    assertThat(message)
        .matches("[\\x20-\\x7e]*")
        .doesNotContain("Exception:", "at com.", "at java.");
  }

  private static String b64(int n) {
    return Base64.getEncoder().encodeToString(new byte[n]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2,3]",
        "{\"requestMetadata\":",
        "{}",
        "{\"requestMetadata\":\"x\"}",
        "{\"requestMetadata\":{\"kmsOperation\":\"Encrypt\"}}",
        "{" + MD + ",\"plaintext\":42,\"encryptionAlgorithm\":\"AES_GCM\"}",
        "{" + MD + ",\"plaintext\":\"!!not-base64!!\",\"encryptionAlgorithm\":\"AES_GCM\"}",
        "{" + MD + ",\"plaintext\":\"\",\"encryptionAlgorithm\":\"AES_GCM\"}",
        "{" + MD + ",\"encryptionAlgorithm\":\"AES_GCM\"}",
        "{" + MD + ",\"plaintext\":\"AAAA\"}",
        "{" + MD + ",\"plaintext\":\"AAAA\",\"encryptionAlgorithm\":[\"AES_GCM\"]}",
        "{"
            + MD
            + ",\"plaintext\":\"AAAA\",\"encryptionAlgorithm\":\"AES_GCM\",\"additionalAuthenticatedData\":{}}"
      })
  void malformedEncryptRequests_areValidationException(String body) {
    assertError(post(keyPath + "/encrypt", body), 400, "ValidationException");
  }

  @Test
  void malformedDecryptRequests_getTheirSpecifiedErrors() {
    String base =
        "{" + MD + ",\"encryptionAlgorithm\":\"AES_GCM\",\"ciphertext\":\"" + b64(8) + "\"";
    assertError(
        post(keyPath + "/decrypt", base + ",\"initializationVector\":\"" + b64(12) + "\"}"),
        400,
        "ValidationException");
    assertError(
        post(
            keyPath + "/decrypt",
            base
                + ",\"initializationVector\":\""
                + b64(11)
                + "\",\"authenticationTag\":\""
                + b64(16)
                + "\"}"),
        400,
        "InvalidCiphertextException");
    assertError(
        post(
            keyPath + "/decrypt",
            base
                + ",\"initializationVector\":\""
                + b64(12)
                + "\",\"authenticationTag\":\""
                + b64(15)
                + "\"}"),
        400,
        "InvalidCiphertextException");
    assertError(
        post(
            keyPath + "/decrypt",
            base
                + ",\"initializationVector\":\""
                + b64(12)
                + "\",\"authenticationTag\":\""
                + b64(16)
                + "\",\"ciphertextMetadata\":\""
                + b64(21)
                + "\"}"),
        400,
        "ValidationException");
    assertError(
        post(
            keyPath + "/decrypt",
            base
                + ",\"initializationVector\":\""
                + b64(16)
                + "\",\"authenticationTag\":\""
                + b64(16)
                + "\"}"),
        400,
        "InvalidCiphertextException");
  }

  @Test
  void valuesBeyondWhatTheBridgeSupports_areUnsupportedOperation() {
    assertError(
        post(
            keyPath + "/encrypt",
            "{" + MD + ",\"plaintext\":\"AAAA\",\"encryptionAlgorithm\":\"RSAES_OAEP_SHA_256\"}"),
        501,
        "UnsupportedOperationException");
    assertError(
        post(
            keyPath + "/encrypt",
            "{"
                + MD
                + ",\"plaintext\":\"AAAA\",\"encryptionAlgorithm\":\"AES_GCM\",\"ciphertextDataIntegrityValueAlgorithm\":\"SHA_1\"}"),
        501,
        "UnsupportedOperationException");
    assertError(
        post(
            keyPath + "/encrypt",
            "{" + MD + ",\"plaintext\":\"" + b64(8193) + "\",\"encryptionAlgorithm\":\"AES_GCM\"}"),
        501,
        "UnsupportedOperationException");
    assertError(
        post(
            keyPath + "/encrypt",
            "{"
                + MD
                + ",\"plaintext\":\"AAAA\",\"encryptionAlgorithm\":\"AES_GCM\",\"additionalAuthenticatedData\":\""
                + b64(16385)
                + "\"}"),
        501,
        "UnsupportedOperationException");
    String huge = "{" + MD + ",\"pad\":\"" + "x".repeat(200_000) + "\"}";
    assertError(post(keyPath + "/encrypt", huge), 501, "UnsupportedOperationException");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/unknown-prefix/kms/xks/v1/health",
        "/kms/xks/v1/health",
        "/demo/kms/xks/v2/health",
        "/demo/kms/xks/v1/keys/stamp-cmk-1/sign",
        "/demo/kms/xks/v1/keys/stamp-cmk-1",
        "/demo/kms/xks/v1/keys/stamp-cmk-1/metadata/extra",
        "/demo/kms/xks/v1/keys/%73tamp-cmk-1/metadata",
        "/demo/kms/xks/v1/keys/stamp-cmk-1%2Fmetadata",
        "/demo//kms/xks/v1/health",
        "/demo/kms/xks/v1/keys/./metadata",
        "/demo/kms/xks/v1/keys/%2e%2e/metadata",
        "/demo/kms/xks/v1/keys/stamp cmk/metadata",
        "/demo/kms/xks/v1/keys/ab;c=1/metadata",
        "/demo/kms/xks/v1/keys/"
      })
  void pathsThatAreNotXksPaths_areInvalidUriPath(String path) {
    XksRawResponse r;
    try {
      r = post(path.replace(" ", "%20"), "{" + MD + "}");
    } catch (RuntimeException refusedByClient) {
      return; // java.net.http refuses to send some of these at all: nothing reached the bridge
    }
    if (r.status() == 400 && !r.header("content-type").orElse("").startsWith("application/json")) {
      assertThat(r.bodyText()).doesNotContain("at com.", "at java.", "Exception");
      return; // the HTTP layer refused a malformed request line before the application
    }
    assertError(r, 404, "InvalidUriPathException");
  }

  @Test
  void tooLongKeyId_isInvalidUriPath() {
    assertError(
        post(client.apiPath() + "/keys/" + "k".repeat(129) + "/metadata", "{" + MD + "}"),
        404,
        "InvalidUriPathException");
  }

  @Test
  void getOnAnXksPath_isMethodNotAllowed() {
    for (String method : new String[] {"GET", "PUT", "DELETE"}) {
      XksRawResponse r =
          client.send(method, client.apiPath() + "/health", Map.of(), new byte[0], true);
      assertThat(r.status()).isEqualTo(405);
      assertThat(r.header("allow")).contains("POST");
      assertThat(r.bodyText()).doesNotContain("<html");
    }
  }
}
