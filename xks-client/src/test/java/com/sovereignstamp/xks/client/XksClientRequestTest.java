package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire: paths, signed headers and the JSON fields of each operation. */
class XksClientRequestTest extends AgainstFakeProxy {
  @BeforeEach
  void forgetEarlierRequests() {
    proxy.requests.clear();
  }

  @Test
  void everyRequest_isASignedJsonPostToThePrefixedPath() throws Exception {
    client.metadata(FakeXksApi.KEY_ID);

    FakeXksProxy.Recorded r = proxy.next();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/demo/kms/xks/v1/keys/test-key-1/metadata");
    assertThat(r.header("content-type")).isEqualTo("application/json");
    assertThat(r.header("host")).isEqualTo("127.0.0.1:" + proxy.port());
    assertThat(r.header("authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=" + FakeXksProxy.ACCESS_KEY_ID + "/")
        .contains("/eu-central-1/kms-xks-proxy/aws4_request")
        .contains("SignedHeaders=content-type;host;x-amz-date");
  }

  @Test
  void encrypt_sendsDefaultRequestMetadataAndBase64Fields() throws Exception {
    client.encrypt(FakeXksApi.KEY_ID, new byte[] {1, 2, 3}, new byte[] {9}, true);

    JsonObject body = proxy.next().body();
    JsonObject md = body.getJsonObject("requestMetadata");
    assertThat(UUID.fromString(md.getString("kmsRequestId"))).isNotNull();
    assertThat(md.getString("kmsOperation")).isEqualTo("Encrypt");
    assertThat(md.getString("awsPrincipalArn")).isEqualTo(RequestMetadata.DEFAULT_PRINCIPAL_ARN);
    assertThat(md.getString("kmsKeyArn"))
        .isEqualTo("arn:aws:kms:eu-central-1:111122223333:key/test-key-1");
    assertThat(md.containsKey("kmsViaService")).isFalse();
    assertThat(body.getString("plaintext")).isEqualTo("AQID");
    assertThat(body.getString("additionalAuthenticatedData")).isEqualTo("CQ==");
    assertThat(body.getString("encryptionAlgorithm")).isEqualTo("AES_GCM");
    assertThat(body.getString("ciphertextDataIntegrityValueAlgorithm")).isEqualTo("SHA_256");
  }

  @Test
  void encryptWithoutAadOrIntegrityValue_omitsThoseFields() throws Exception {
    client.encrypt(FakeXksApi.KEY_ID, new byte[] {1}, null, false);

    JsonObject body = proxy.next().body();
    assertThat(body.containsKey("additionalAuthenticatedData")).isFalse();
    assertThat(body.containsKey("ciphertextDataIntegrityValueAlgorithm")).isFalse();
  }

  @Test
  void callerGivenRequestMetadata_isSentAsGiven() throws Exception {
    RequestMetadata md =
        RequestMetadata.defaults()
            .withKmsRequestId("req-42")
            .withKmsOperation("GenerateDataKey")
            .withAwsPrincipalArn("arn:aws:iam::123456789012:user/Alice")
            .withKmsKeyArn("arn:aws:kms:eu-central-1:123456789012:key/abc")
            .withKmsViaService("ebs");

    client.encrypt(FakeXksApi.KEY_ID, new byte[] {1}, null, false, md);

    JsonObject sent = proxy.next().body().getJsonObject("requestMetadata");
    assertThat(sent.getString("kmsRequestId")).isEqualTo("req-42");
    assertThat(sent.getString("kmsOperation")).isEqualTo("GenerateDataKey");
    assertThat(sent.getString("awsPrincipalArn")).isEqualTo("arn:aws:iam::123456789012:user/Alice");
    assertThat(sent.getString("kmsKeyArn"))
        .isEqualTo("arn:aws:kms:eu-central-1:123456789012:key/abc");
    assertThat(sent.getString("kmsViaService")).isEqualTo("ebs");
  }

  @Test
  void decrypt_sendsEveryCiphertextPart() throws Exception {
    EncryptResult sealed = client.encrypt(FakeXksApi.KEY_ID, new byte[] {5}, new byte[] {7}, false);
    proxy.next();

    client.decrypt(FakeXksApi.KEY_ID, sealed, new byte[] {7});

    JsonObject body = proxy.next().body();
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(body.getJsonObject("requestMetadata").getString("kmsOperation"))
        .isEqualTo("Decrypt");
    assertThat(body.getJsonObject("requestMetadata").containsKey("kmsKeyArn")).isTrue();
    assertThat(body.getString("encryptionAlgorithm")).isEqualTo("AES_GCM");
    assertThat(body.getString("ciphertext")).isEqualTo(b64.encodeToString(sealed.ciphertext()));
    assertThat(body.getString("initializationVector")).isEqualTo(b64.encodeToString(sealed.iv()));
    assertThat(body.getString("authenticationTag"))
        .isEqualTo(b64.encodeToString(sealed.authenticationTag()));
    assertThat(body.getString("ciphertextMetadata")).isEqualTo("djE=");
    assertThat(body.getString("additionalAuthenticatedData")).isEqualTo("Bw==");
  }

  @Test
  void metadata_sendsDescribeKeyWithAPrincipalAndNoKeyArnByDefault() throws Exception {
    client.metadata(FakeXksApi.KEY_ID);

    JsonObject md = proxy.next().body().getJsonObject("requestMetadata");
    assertThat(md.getString("kmsOperation")).isEqualTo("DescribeKey");
    assertThat(md.getString("awsPrincipalArn")).isEqualTo(RequestMetadata.DEFAULT_PRINCIPAL_ARN);
    assertThat(md.containsKey("kmsKeyArn")).isFalse();
  }

  @Test
  void health_sendsOnlyRequestIdAndKmsHealthCheck() throws Exception {
    client.health();

    FakeXksProxy.Recorded r = proxy.next();
    assertThat(r.path()).isEqualTo("/demo/kms/xks/v1/health");
    JsonObject md = r.body().getJsonObject("requestMetadata");
    assertThat(md.keySet()).containsExactlyInAnyOrder("kmsRequestId", "kmsOperation");
    assertThat(md.getString("kmsOperation")).isEqualTo("KmsHealthCheck");
  }

  @Test
  void twoCalls_carryDifferentRequestIds() throws Exception {
    client.health();
    client.health();

    String first = proxy.next().body().getJsonObject("requestMetadata").getString("kmsRequestId");
    String second = proxy.next().body().getJsonObject("requestMetadata").getString("kmsRequestId");
    assertThat(first).isNotEqualTo(second);
  }
}
