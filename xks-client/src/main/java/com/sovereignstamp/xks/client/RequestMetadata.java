package com.sovereignstamp.xks.client;

/**
 * The caller-asserted context of a request ({@code requestMetadata} in the body). Any field left
 * null takes its default when the request is sent: a random UUID for {@code kmsRequestId}, the
 * operation's usual KMS API for {@code kmsOperation} ({@code DescribeKey}, {@code Encrypt}, {@code
 * Decrypt}, {@code KmsHealthCheck}), {@link #DEFAULT_PRINCIPAL_ARN} for {@code awsPrincipalArn} and
 * a key ARN built from the region and the key id for {@code kmsKeyArn}. {@code kmsViaService} is
 * sent only when set.
 */
public record RequestMetadata(
    String kmsRequestId,
    String kmsOperation,
    String awsPrincipalArn,
    String kmsKeyArn,
    String kmsViaService) {
  /** The account of the AWS documentation's examples, so a default is never a real principal. */
  public static final String DEFAULT_ACCOUNT = "111122223333";

  public static final String DEFAULT_PRINCIPAL_ARN =
      "arn:aws:iam::" + DEFAULT_ACCOUNT + ":role/sovereign-stamp-xks-client";

  /** Every field left to its default. */
  public static RequestMetadata defaults() {
    return new RequestMetadata(null, null, null, null, null);
  }

  public RequestMetadata withKmsRequestId(String id) {
    return new RequestMetadata(id, kmsOperation, awsPrincipalArn, kmsKeyArn, kmsViaService);
  }

  public RequestMetadata withKmsOperation(String operation) {
    return new RequestMetadata(kmsRequestId, operation, awsPrincipalArn, kmsKeyArn, kmsViaService);
  }

  public RequestMetadata withAwsPrincipalArn(String arn) {
    return new RequestMetadata(kmsRequestId, kmsOperation, arn, kmsKeyArn, kmsViaService);
  }

  public RequestMetadata withKmsKeyArn(String arn) {
    return new RequestMetadata(kmsRequestId, kmsOperation, awsPrincipalArn, arn, kmsViaService);
  }

  public RequestMetadata withKmsViaService(String service) {
    return new RequestMetadata(kmsRequestId, kmsOperation, awsPrincipalArn, kmsKeyArn, service);
  }

  /** The default key ARN of an external key id: {@code arn:aws:kms:REGION:ACCOUNT:key/KEYID}. */
  public static String defaultKeyArn(String region, String keyId) {
    return "arn:aws:kms:" + region + ":" + DEFAULT_ACCOUNT + ":key/" + keyId;
  }
}
