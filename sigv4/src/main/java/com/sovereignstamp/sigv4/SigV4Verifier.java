package com.sovereignstamp.sigv4;

import com.sovereignstamp.sigv4.SigV4Exception.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies SigV4 over exactly the headers the request lists in {@code SignedHeaders}. {@code host}
 * and {@code x-amz-date} must be among them; the date must lie within the allowed skew.
 */
public final class SigV4Verifier {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request"
              + "\\s*,\\s*SignedHeaders=([a-z0-9;\\-]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");

  private final Function<String, Optional<SigningSecret>> secrets;
  private final String region;
  private final String service;
  private final Clock clock;
  private final Duration maxSkew;

  /**
   * @param secrets looks up the secret of an access key id (empty when the id is unknown)
   */
  public SigV4Verifier(
      Function<String, Optional<SigningSecret>> secrets,
      String region,
      String service,
      Clock clock,
      Duration maxSkew) {
    this.secrets = secrets;
    this.region = region;
    this.service = service;
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  /** Returns the verified access key id, or throws with the reason for refusal. */
  public String verify(SigV4Request request) throws SigV4Exception {
    String header =
        request
            .header("authorization")
            .orElseThrow(() -> new SigV4Exception(Reason.MISSING_AUTHORIZATION, null));
    Matcher m = AUTHORIZATION.matcher(header);
    if (!m.matches()) {
      throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, null);
    }
    String accessKeyId = m.group(1);
    String date = m.group(2);
    if (!region.equals(m.group(3)) || !service.equals(m.group(4))) {
      throw new SigV4Exception(Reason.WRONG_SCOPE, accessKeyId);
    }
    List<String> signedHeaders = signedHeaders(m.group(5), accessKeyId);
    for (String name : signedHeaders) {
      if (request.header(name).isEmpty()) {
        throw new SigV4Exception(Reason.MISSING_SIGNED_HEADER, accessKeyId);
      }
    }
    if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
      throw new SigV4Exception(Reason.REQUIRED_HEADER_NOT_SIGNED, accessKeyId);
    }
    String amzDate = request.header("x-amz-date").orElseThrow();
    checkDate(amzDate, date, accessKeyId);
    SigningSecret secret =
        secrets
            .apply(accessKeyId)
            .orElseThrow(() -> new SigV4Exception(Reason.UNKNOWN_ACCESS_KEY, accessKeyId));
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String canonical = CanonicalRequest.of(request, signedHeaders);
    String stringToSign = CanonicalRequest.stringToSign(amzDate, scope, canonical);
    byte[] key = Hashing.signingKey(secret, date, region, service);
    byte[] expected =
        Hex.of(Hashing.hmac(key, stringToSign.getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(key, (byte) 0);
    if (!MessageDigest.isEqual(expected, m.group(6).getBytes(StandardCharsets.US_ASCII))) {
      throw new SigV4Exception(Reason.SIGNATURE_MISMATCH, accessKeyId);
    }
    return accessKeyId;
  }

  private static List<String> signedHeaders(String list, String accessKeyId) throws SigV4Exception {
    List<String> names = new ArrayList<>(Arrays.asList(list.split(";")));
    if (names.contains("")) {
      throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, accessKeyId);
    }
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    if (!sorted.equals(names) || names.stream().distinct().count() != names.size()) {
      throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, accessKeyId);
    }
    return names;
  }

  private void checkDate(String amzDate, String scopeDate, String accessKeyId)
      throws SigV4Exception {
    Instant signedAt;
    try {
      signedAt = SigV4Signer.AMZ_DATE.parse(amzDate, Instant::from);
    } catch (DateTimeParseException e) {
      throw new SigV4Exception(Reason.MISSING_DATE, accessKeyId);
    }
    if (!amzDate.startsWith(scopeDate)) {
      throw new SigV4Exception(Reason.WRONG_SCOPE, accessKeyId);
    }
    Duration skew = Duration.between(signedAt, clock.instant()).abs();
    if (skew.compareTo(maxSkew) > 0) {
      throw new SigV4Exception(Reason.CLOCK_SKEW, accessKeyId);
    }
  }
}
