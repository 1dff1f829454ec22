package com.sovereignstamp.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signs outgoing requests. The caller passes every header it will send that should be signed (at
 * least {@code host}); the signer adds {@code x-amz-date} and returns the two headers to set.
 */
public final class SigV4Signer {
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String accessKeyId;
  private final SigningSecret secret;
  private final String region;
  private final String service;
  private final Clock clock;

  public SigV4Signer(
      String accessKeyId, SigningSecret secret, String region, String service, Clock clock) {
    this.accessKeyId = accessKeyId;
    this.secret = secret;
    this.region = region;
    this.service = service;
    this.clock = clock;
  }

  /**
   * @param request the request; its headers are those to sign (the {@code x-amz-date} header is
   *     added here)
   * @return the headers to add to the request: {@code x-amz-date} and {@code authorization}
   */
  public Map<String, String> sign(SigV4Request request) {
    String amzDate = AMZ_DATE.format(clock.instant());
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put("x-amz-date", List.of(amzDate));
    SigV4Request toSign =
        new SigV4Request(
            request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    List<String> signedHeaders = new ArrayList<>(toSign.headers().keySet());
    String date = amzDate.substring(0, 8);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String canonical = CanonicalRequest.of(toSign, signedHeaders);
    String stringToSign = CanonicalRequest.stringToSign(amzDate, scope, canonical);
    byte[] key = Hashing.signingKey(secret, date, region, service);
    String signature = Hex.of(Hashing.hmac(key, stringToSign.getBytes(StandardCharsets.UTF_8)));
    java.util.Arrays.fill(key, (byte) 0);
    String authorization =
        CanonicalRequest.ALGORITHM
            + " Credential="
            + accessKeyId
            + "/"
            + scope
            + ", SignedHeaders="
            + String.join(";", signedHeaders)
            + ", Signature="
            + signature;
    Map<String, String> out = new LinkedHashMap<>();
    out.put("x-amz-date", amzDate);
    out.put("authorization", authorization);
    return out;
  }
}
