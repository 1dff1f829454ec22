package com.sovereignstamp.bridge.xks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XksRequestParserTest {
  private final XksRequestParser parser = new XksRequestParser(new XksLimits(8192, 16384));
  private static final String MD =
      "\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"Encrypt\",\"awsPrincipalArn\":\"p\",\"kmsKeyArn\":\"k\"}";

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertError(Runnable r, XksError expected) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(XksException.class, e -> assertThat(e.error()).isEqualTo(expected));
  }

  @Test
  void encryptRequest_isDecoded() {
    EncryptRequest r =
        parser.encrypt(
            json(
                "{"
                    + MD
                    + ",\"plaintext\":\"SGVsbG8=\",\"encryptionAlgorithm\":\"AES_GCM\","
                    + "\"additionalAuthenticatedData\":\"YQ==\",\"ciphertextDataIntegrityValueAlgorithm\":\"SHA_256\",\"x\":1}"));
    assertThat(r.plaintext()).isEqualTo("Hello".getBytes(StandardCharsets.UTF_8));
    assertThat(r.aad()).hasValueSatisfying(a -> assertThat(a).containsExactly('a'));
    assertThat(r.integrityValueRequested()).isTrue();
    assertThat(r.metadata().kmsOperation()).isEqualTo("Encrypt");
    assertThat(r.toString()).doesNotContain("Hello");
  }

  @Test
  void keyOperationsRequireThePrincipal_healthDoesNot() {
    String noPrincipal =
        "{\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"DescribeKey\"}}";
    assertError(
        () -> parser.metadata(json(noPrincipal), XksOperation.METADATA), XksError.VALIDATION);
    assertThat(parser.healthMetadata(json(noPrincipal)).kmsRequestId()).isEqualTo("r");
  }

  @Test
  void encryptAndDecryptRequireTheKmsKeyArn() {
    String md =
        "\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"Encrypt\",\"awsPrincipalArn\":\"p\"}";
    assertError(
        () ->
            parser.encrypt(
                json("{" + md + ",\"plaintext\":\"AA==\",\"encryptionAlgorithm\":\"AES_GCM\"}")),
        XksError.VALIDATION);
  }

  @Test
  void oversizedMetadataFields_areValidationErrors() {
    String md =
        "\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"DescribeKey\",\"awsPrincipalArn\":\""
            + "a".repeat(2049)
            + "\"}";
    assertError(
        () -> parser.metadata(json("{" + md + "}"), XksOperation.METADATA), XksError.VALIDATION);
  }

  @Test
  void plaintextBeyondTheLimit_isUnsupportedOperation() {
    String big = java.util.Base64.getEncoder().encodeToString(new byte[8193]);
    assertError(
        () ->
            parser.encrypt(
                json(
                    "{"
                        + MD
                        + ",\"plaintext\":\""
                        + big
                        + "\",\"encryptionAlgorithm\":\"AES_GCM\"}")),
        XksError.UNSUPPORTED_OPERATION);
  }

  @Test
  void nullForARequiredField_isAValidationError() {
    assertError(
        () ->
            parser.encrypt(
                json("{" + MD + ",\"plaintext\":null,\"encryptionAlgorithm\":\"AES_GCM\"}")),
        XksError.VALIDATION);
  }

  @Test
  void limitsBelowTheSpecificationsMinimums_areRefused() {
    assertThatThrownBy(() -> new XksLimits(4299, 8192))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new XksLimits(4300, 8191))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new XksLimits(4300, 70_000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
