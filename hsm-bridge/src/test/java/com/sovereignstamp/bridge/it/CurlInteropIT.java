package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client this project did not write — curl with --aws-sigv4 and a client certificate. */
class CurlInteropIT {
  private static BridgeInstance bridge;
  private static String api;

  @BeforeAll
  static void connect() throws Exception {
    bridge = SharedBridge.get();
    api = bridge.env("XKS_URL") + bridge.env("XKS_URI_PREFIX") + "/kms/xks/v1";
  }

  @AfterAll
  static void everyCallIsInTheAuditTrail() throws Exception {
    SharedBridge.everyCallIsRecorded();
  }

  private static JsonObject curl(String path, String json) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "curl",
                "--silent",
                "--show-error",
                "--fail-with-body",
                "--max-time",
                "5",
                "--cacert",
                bridge.env("XKS_CA_CERT"),
                "--cert",
                bridge.env("XKS_CLIENT_CERT"),
                "--key",
                bridge.env("XKS_CLIENT_KEY"),
                "--aws-sigv4",
                "aws:amz:" + bridge.env("XKS_REGION") + ":kms-xks-proxy",
                "--user",
                bridge.env("XKS_ACCESS_KEY_ID") + ":" + bridge.env("XKS_SECRET_ACCESS_KEY"),
                "-H",
                "Content-Type: application/json",
                "--data-binary",
                json,
                api + path));
    String out = BridgeInstance.run(cmd, java.util.Map.of(), bridge.dir());
    return Json.createReader(new StringReader(out)).readObject();
  }

  private static String md(String op) {
    return "\"requestMetadata\":{\"kmsRequestId\":\"curl-1\",\"kmsOperation\":\""
        + op
        + "\",\"awsPrincipalArn\":\"arn:aws:iam::111122223333:user/curl\",\"kmsKeyArn\":\"arn:aws:kms:eu-de:111122223333:key/k\"}";
  }

  @Test
  void curlWithSigV4AndClientCertificate_usesEveryOperation() throws Exception {
    String key = bridge.env("XKS_KEY_ID");
    JsonObject metadata = curl("/keys/" + key + "/metadata", "{" + md("DescribeKey") + "}");
    assertThat(metadata.getString("keySpec")).isEqualTo("AES_256");
    assertThat(metadata.getString("keyStatus")).isEqualTo("ENABLED");

    String plaintext =
        Base64.getEncoder()
            .encodeToString("a data key of 32 bytes, really!!".getBytes(StandardCharsets.US_ASCII));
    String aad =
        Base64.getEncoder().encodeToString("project=nile".getBytes(StandardCharsets.US_ASCII));
    JsonObject encrypted =
        curl(
            "/keys/" + key + "/encrypt",
            "{"
                + md("GenerateDataKey")
                + ",\"plaintext\":\""
                + plaintext
                + "\",\"encryptionAlgorithm\":\"AES_GCM\",\"additionalAuthenticatedData\":\""
                + aad
                + "\",\"ciphertextDataIntegrityValueAlgorithm\":\"SHA_256\"}");
    assertThat(encrypted.getString("ciphertextDataIntegrityValue")).isNotEmpty();

    JsonObject decrypted =
        curl(
            "/keys/" + key + "/decrypt",
            "{"
                + md("Decrypt")
                + ",\"ciphertext\":\""
                + encrypted.getString("ciphertext")
                + "\",\"ciphertextMetadata\":\""
                + encrypted.getString("ciphertextMetadata")
                + "\",\"initializationVector\":\""
                + encrypted.getString("initializationVector")
                + "\",\"authenticationTag\":\""
                + encrypted.getString("authenticationTag")
                + "\",\"encryptionAlgorithm\":\"AES_GCM\",\"additionalAuthenticatedData\":\""
                + aad
                + "\"}");
    assertThat(decrypted.getString("plaintext")).isEqualTo(plaintext);

    JsonObject health =
        curl(
            "/health",
            "{\"requestMetadata\":{\"kmsRequestId\":\"curl-2\",\"kmsOperation\":\"KmsHealthCheck\"}}");
    assertThat(health.getJsonArray("ekmFleetDetails").getJsonObject(0).getString("healthStatus"))
        .isEqualTo("ACTIVE");
  }

  @Test
  void curlWithoutAClientCertificate_isRefusedByTheTlsLayer() throws Exception {
    List<String> cmd =
        List.of(
            "curl",
            "--silent",
            "--max-time",
            "5",
            "--cacert",
            bridge.env("XKS_CA_CERT"),
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-X",
            "POST",
            api + "/health");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    assertThat(p.exitValue()).isNotZero();
    assertThat(out).isEqualTo("000");
  }
}
