package com.sovereignstamp.xks.client;

import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** Builds the request bodies of the four operations, with their {@code requestMetadata}. */
final class XksBodies {
  static final String DESCRIBE_KEY = "DescribeKey";
  static final String ENCRYPT = "Encrypt";
  static final String DECRYPT = "Decrypt";
  static final String HEALTH_CHECK = "KmsHealthCheck";

  private final String region;

  XksBodies(String region) {
    this.region = region;
  }

  byte[] metadata(String keyId, RequestMetadata md) {
    return Json.write(
        Json.object().add("requestMetadata", keyMetadata(md, DESCRIBE_KEY, keyId)).build());
  }

  byte[] encrypt(
      String keyId, byte[] plaintext, byte[] aad, boolean integrityValue, RequestMetadata md) {
    JsonObjectBuilder body =
        Json.object()
            .add("requestMetadata", keyMetadata(md, ENCRYPT, keyId))
            .add("plaintext", Json.base64(plaintext))
            .add("encryptionAlgorithm", "AES_GCM");
    if (aad != null) {
      body.add("additionalAuthenticatedData", Json.base64(aad));
    }
    if (integrityValue) {
      body.add("ciphertextDataIntegrityValueAlgorithm", "SHA_256");
    }
    return Json.write(body.build());
  }

  byte[] decrypt(String keyId, XksCiphertext c, byte[] aad, RequestMetadata md) {
    JsonObjectBuilder body =
        Json.object()
            .add("requestMetadata", keyMetadata(md, DECRYPT, keyId))
            .add("encryptionAlgorithm", "AES_GCM")
            .add("ciphertext", Json.base64(c.ciphertext()))
            .add("initializationVector", Json.base64(c.iv()))
            .add("authenticationTag", Json.base64(c.authenticationTag()));
    byte[] meta = c.ciphertextMetadata();
    if (meta != null) {
      body.add("ciphertextMetadata", Json.base64(meta));
    }
    if (aad != null) {
      body.add("additionalAuthenticatedData", Json.base64(aad));
    }
    return Json.write(body.build());
  }

  byte[] health(RequestMetadata md) {
    return Json.write(Json.object().add("requestMetadata", common(md, HEALTH_CHECK)).build());
  }

  private JsonObjectBuilder keyMetadata(RequestMetadata md, String operation, String keyId) {
    JsonObjectBuilder o =
        common(md, operation)
            .add(
                "awsPrincipalArn",
                md.awsPrincipalArn() == null
                    ? RequestMetadata.DEFAULT_PRINCIPAL_ARN
                    : md.awsPrincipalArn());
    if (!DESCRIBE_KEY.equals(operation) || md.kmsKeyArn() != null) {
      o.add(
          "kmsKeyArn",
          md.kmsKeyArn() == null ? RequestMetadata.defaultKeyArn(region, keyId) : md.kmsKeyArn());
    }
    if (md.kmsViaService() != null) {
      o.add("kmsViaService", md.kmsViaService());
    }
    return o;
  }

  private static JsonObjectBuilder common(RequestMetadata md, String defaultOperation) {
    return Json.object()
        .add(
            "kmsRequestId",
            md.kmsRequestId() == null ? UUID.randomUUID().toString() : md.kmsRequestId())
        .add("kmsOperation", md.kmsOperation() == null ? defaultOperation : md.kmsOperation());
  }
}
