package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.xks.client.EncryptResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DecryptRequestBodiesTest {
  private static final byte[] AAD =
      "caller-aad".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] META = {1, 0, 0, 0, 7};
  private static final EncryptResult ENCRYPTED =
      new EncryptResult(new byte[] {9, 8, 7}, new byte[12], new byte[16], META, null);
  private static final DecryptFixture FIXTURE =
      new DecryptFixture("3 B", new byte[] {1, 2, 3}, AAD, ENCRYPTED);

  @Test
  void theHsmAad_bindsCallerAadAndCiphertextMetadata_withTheirLengths() {
    byte[] aad = HsmAad.of(AAD, META);

    ByteBuffer b = ByteBuffer.wrap(aad);
    assertThat(Short.toUnsignedInt(b.getShort())).isEqualTo(AAD.length);
    byte[] caller = new byte[AAD.length];
    b.get(caller);
    assertThat(caller).isEqualTo(AAD);
    assertThat(b.get()).isEqualTo((byte) META.length);
    assertThat(Arrays.copyOfRange(aad, b.position(), aad.length)).isEqualTo(META);
  }

  @Test
  void absentAadAndMetadata_countAsLengthZero() {
    assertThat(HsmAad.of(null, null)).containsExactly(0, 0, 0);
  }

  @Test
  void theBaselineBody_isHsmAadWithItsLength_thenIvCiphertextAndTag() {
    byte[] body = BaselineDecryptWorkload.body(FIXTURE);
    byte[] hsmAad = HsmAad.of(AAD, META);

    ByteBuffer b = ByteBuffer.wrap(body);
    assertThat(Short.toUnsignedInt(b.getShort())).isEqualTo(hsmAad.length);
    assertThat(body).hasSize(2 + hsmAad.length + 12 + 3 + 16);
    assertThat(Arrays.copyOfRange(body, 2, 2 + hsmAad.length)).isEqualTo(hsmAad);
    assertThat(Arrays.copyOfRange(body, 2 + hsmAad.length + 12, 2 + hsmAad.length + 15))
        .containsExactly(9, 8, 7);
  }

  @Test
  void theXksDecryptBody_isValidJson_withTheRequestIdAndEveryCiphertextPart() {
    byte[] body = new XksDecryptBody("eu-de", "key-1", AAD, ENCRYPTED).withRequestId("id-42");

    JsonObject o = Json.createReader(new ByteArrayInputStream(body)).readObject();
    Base64.Encoder b64 = Base64.getEncoder();
    JsonObject md = o.getJsonObject("requestMetadata");
    assertThat(md.getString("kmsRequestId")).isEqualTo("id-42");
    assertThat(md.getString("kmsOperation")).isEqualTo("Decrypt");
    assertThat(md.getString("kmsKeyArn")).endsWith(":key/key-1").contains(":eu-de:");
    assertThat(o.getString("encryptionAlgorithm")).isEqualTo("AES_GCM");
    assertThat(o.getString("ciphertext")).isEqualTo(b64.encodeToString(new byte[] {9, 8, 7}));
    assertThat(o.getString("initializationVector")).isEqualTo(b64.encodeToString(new byte[12]));
    assertThat(o.getString("authenticationTag")).isEqualTo(b64.encodeToString(new byte[16]));
    assertThat(o.getString("ciphertextMetadata")).isEqualTo(b64.encodeToString(META));
    assertThat(o.getString("additionalAuthenticatedData")).isEqualTo(b64.encodeToString(AAD));
  }

  @Test
  void anXksAnswer_isASuccessOnlyWith200AndThePlaintext() {
    XksDecryptWorkload w =
        new XksDecryptWorkload(
            new Target("127.0.0.1", 8443, 1000),
            "/demo",
            "eu-de",
            "key-1",
            new com.sovereignstamp.sigv4.SigV4Signer(
                "AKIDEXAMPLE",
                com.sovereignstamp.sigv4.SigningSecret.of("secret"),
                "eu-de",
                "kms-xks-proxy",
                java.time.Clock.systemUTC()),
            FIXTURE);
    byte[] right = "{\"plaintext\":\"AQID\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] wrong = "{\"plaintext\":\"AQIE\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThat(w.isExpected(new HttpResponse(200, right, false))).isTrue();
    assertThat(w.isExpected(new HttpResponse(200, wrong, false))).isFalse();
    assertThat(w.isExpected(new HttpResponse(429, right, false))).isFalse();
  }

  @Test
  void everyXksRequest_isSignedAfresh_withItsOwnRequestId() {
    XksDecryptWorkload w =
        new XksDecryptWorkload(
            new Target("127.0.0.1", 8443, 1000),
            "/demo",
            "eu-de",
            "key-1",
            new com.sovereignstamp.sigv4.SigV4Signer(
                "AKIDEXAMPLE",
                com.sovereignstamp.sigv4.SigningSecret.of("secret"),
                "eu-de",
                "kms-xks-proxy",
                java.time.Clock.systemUTC()),
            FIXTURE);

    String a = new String(w.nextRequest(), java.nio.charset.StandardCharsets.ISO_8859_1);
    String b = new String(w.nextRequest(), java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(a).startsWith("POST /demo/kms/xks/v1/keys/key-1/decrypt HTTP/1.1\r\n");
    assertThat(a)
        .contains(
            "Host: 127.0.0.1:8443\r\n",
            "x-amz-date: ",
            "SignedHeaders=content-type;host;x-amz-date");
    assertThat(signature(a)).isNotEqualTo(signature(b));
  }

  @Test
  void aBaselineAnswer_isASuccessOnlyWith200AndExactlyThePlaintext() {
    BaselineDecryptWorkload w =
        new BaselineDecryptWorkload(new Target("127.0.0.1", 8443, 1000), "key-1", FIXTURE);

    assertThat(w.isExpected(new HttpResponse(200, new byte[] {1, 2, 3}, false))).isTrue();
    assertThat(w.isExpected(new HttpResponse(200, new byte[] {1, 2}, false))).isFalse();
    assertThat(w.isExpected(new HttpResponse(404, new byte[] {1, 2, 3}, false))).isFalse();
  }

  private static String signature(String request) {
    int at = request.indexOf("Signature=");
    return request.substring(at, at + 74);
  }
}
