package com.sovereignstamp.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.sigv4.SigV4Exception.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {
  private static final String AKID = "AKIDEXAMPLE";
  private static final SigningSecret SECRET =
      SigningSecret.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  private static SigV4Verifier verifier(Clock clock) {
    return new SigV4Verifier(
        id -> AKID.equals(id) ? Optional.of(SECRET) : Optional.empty(),
        "us-east-1",
        "service",
        clock,
        Duration.ofMinutes(5));
  }

  private static SigV4Request awsSuiteRequest(String method, String path, String query) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("example.amazonaws.com"));
    headers.put("X-Amz-Date", List.of("20150830T123600Z"));
    return new SigV4Request(method, path, query, headers, new byte[0]);
  }

  private static SigV4Request withAuthorization(SigV4Request r, String authorization) {
    Map<String, List<String>> headers = new HashMap<>(r.headers());
    headers.put("authorization", List.of(authorization));
    return new SigV4Request(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
  }

  @Test
  void awsTestSuiteGetVanilla_verifies() throws Exception {
    SigV4Request r =
        withAuthorization(
            awsSuiteRequest("GET", "/", ""),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                + " SignedHeaders=host;x-amz-date,"
                + " Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    assertThat(verifier(at(SIGNED_AT)).verify(r)).isEqualTo(AKID);
  }

  @Test
  void awsTestSuitePostVanilla_verifies() throws Exception {
    SigV4Request r =
        withAuthorization(
            awsSuiteRequest("POST", "/", ""),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                + " SignedHeaders=host;x-amz-date,"
                + " Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    assertThat(verifier(at(SIGNED_AT)).verify(r)).isEqualTo(AKID);
  }

  @Test
  void awsTestSuiteQueryOrder_verifies() throws Exception {
    SigV4Request r =
        withAuthorization(
            awsSuiteRequest("GET", "/", "Param2=value2&Param1=value1"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                + " SignedHeaders=host;x-amz-date,"
                + " Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    assertThat(verifier(at(SIGNED_AT)).verify(r)).isEqualTo(AKID);
  }

  private static SigV4Request signedPost(Clock clock, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("127.0.0.1:8443"));
    headers.put("content-type", List.of("application/json"));
    SigV4Request unsigned =
        new SigV4Request(
            "POST",
            "/demo/kms/xks/v1/keys/k1/decrypt",
            "",
            headers,
            body.getBytes(StandardCharsets.UTF_8));
    Map<String, String> added =
        new SigV4Signer(AKID, SECRET, "us-east-1", "service", clock).sign(unsigned);
    Map<String, List<String>> all = new LinkedHashMap<>(unsigned.headers());
    added.forEach((k, v) -> all.put(k, List.of(v)));
    return new SigV4Request("POST", unsigned.rawPath(), "", all, unsigned.body());
  }

  @Test
  void signerOutput_verifies() throws Exception {
    assertThat(verifier(at(SIGNED_AT)).verify(signedPost(at(SIGNED_AT), "{}"))).isEqualTo(AKID);
  }

  @Test
  void tamperedBody_failsWithSignatureMismatch() {
    SigV4Request good = signedPost(at(SIGNED_AT), "{\"a\":1}");
    SigV4Request tampered =
        new SigV4Request(good.method(), good.rawPath(), "", good.headers(), "{\"a\":2}".getBytes());
    assertThatThrownBy(() -> verifier(at(SIGNED_AT)).verify(tampered))
        .isInstanceOfSatisfying(
            SigV4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void tamperedSignedHeader_failsWithSignatureMismatch() {
    SigV4Request good = signedPost(at(SIGNED_AT), "{}");
    Map<String, List<String>> headers = new HashMap<>(good.headers());
    headers.put("content-type", List.of("text/plain"));
    SigV4Request tampered = new SigV4Request("POST", good.rawPath(), "", headers, good.body());
    assertThatThrownBy(() -> verifier(at(SIGNED_AT)).verify(tampered))
        .isInstanceOfSatisfying(
            SigV4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void clockSkewOverFiveMinutes_isRefused() {
    SigV4Request r = signedPost(at(SIGNED_AT), "{}");
    assertThatThrownBy(() -> verifier(at(SIGNED_AT.plusSeconds(301))).verify(r))
        .isInstanceOfSatisfying(
            SigV4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOCK_SKEW));
    assertThatThrownBy(() -> verifier(at(SIGNED_AT.minusSeconds(301))).verify(r))
        .isInstanceOfSatisfying(
            SigV4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOCK_SKEW));
  }

  @Test
  void clockSkewWithinFiveMinutes_isAccepted() throws Exception {
    SigV4Request r = signedPost(at(SIGNED_AT), "{}");
    assertThat(verifier(at(SIGNED_AT.plusSeconds(299))).verify(r)).isEqualTo(AKID);
  }

  @Test
  void unknownAccessKey_isRefused() {
    SigV4Request good = signedPost(at(SIGNED_AT), "{}");
    String auth = good.header("authorization").orElseThrow().replace(AKID, "AKIDOTHER");
    assertThatThrownBy(() -> verifier(at(SIGNED_AT)).verify(withAuthorization(good, auth)))
        .isInstanceOfSatisfying(
            SigV4Exception.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCESS_KEY);
              assertThat(e.accessKeyId()).isEqualTo("AKIDOTHER");
            });
  }

  @Test
  void signedHeaderMissingFromRequest_isRefused() {
    SigV4Request good = signedPost(at(SIGNED_AT), "{}");
    Map<String, List<String>> headers = new HashMap<>(good.headers());
    headers.remove("content-type");
    SigV4Request r = new SigV4Request("POST", good.rawPath(), "", headers, good.body());
    assertThatThrownBy(() -> verifier(at(SIGNED_AT)).verify(r))
        .isInstanceOfSatisfying(
            SigV4Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_SIGNED_HEADER));
  }

  @Test
  void dateNotSigned_isRefused() {
    SigV4Request good = signedPost(at(SIGNED_AT), "{}");
    String auth =
        good.header("authorization")
            .orElseThrow()
            .replace(
                "SignedHeaders=content-type;host;x-amz-date", "SignedHeaders=content-type;host");
    assertThatThrownBy(() -> verifier(at(SIGNED_AT)).verify(withAuthorization(good, auth)))
        .isInstanceOfSatisfying(
            SigV4Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REQUIRED_HEADER_NOT_SIGNED));
  }

  @Test
  void otherRegionOrService_isRefused() {
    SigV4Request good = signedPost(at(SIGNED_AT), "{}");
    String auth = good.header("authorization").orElseThrow().replace("us-east-1", "eu-west-1");
    assertThatThrownBy(() -> verifier(at(SIGNED_AT)).verify(withAuthorization(good, auth)))
        .isInstanceOfSatisfying(
            SigV4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SCOPE));
  }

  @Test
  void missingOrMalformedAuthorization_isRefused() {
    SigV4Request noAuth = awsSuiteRequest("POST", "/", "");
    assertThatThrownBy(() -> verifier(at(SIGNED_AT)).verify(noAuth))
        .isInstanceOfSatisfying(
            SigV4Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_AUTHORIZATION));
    assertThatThrownBy(
            () -> verifier(at(SIGNED_AT)).verify(withAuthorization(noAuth, "Bearer abc")))
        .isInstanceOfSatisfying(
            SigV4Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_AUTHORIZATION));
  }

  @Test
  void secret_isNeverPrinted() {
    assertThat(SECRET.toString()).doesNotContain("EXAMPLEKEY");
  }
}
