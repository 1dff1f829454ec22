package com.sovereignstamp.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRefusalTest {
  static final String ISSUER = "https://127.0.0.1:8446/realms/stamp";
  static final List<String> AUDIENCES = List.of("stamp-api");
  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  static String token(String header, String claims, String signature) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return "Bearer "
        + b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + signature;
  }

  static String claims(String iss, long exp, String aud) {
    return "{\"iss\":\"" + iss + "\",\"exp\":" + exp + ",\"aud\":" + aud + ",\"sub\":\"s\"}";
  }

  static TokenRefusal of(String authorization) {
    return TokenRefusal.of(authorization, ISSUER, AUDIENCES, NOW);
  }

  final long later = NOW.getEpochSecond() + 300;
  final String rs256 = "{\"alg\":\"RS256\",\"kid\":\"k1\"}";

  @Test
  void noHeaderOrNoBearerIsNoToken() {
    assertThat(of(null)).isEqualTo(TokenRefusal.NO_TOKEN);
    assertThat(of("Basic dXNlcjpwdw==")).isEqualTo(TokenRefusal.NO_TOKEN);
    assertThat(of("Bearer ")).isEqualTo(TokenRefusal.NO_TOKEN);
  }

  @Test
  void somethingThatIsNotAJwtIsMalformed() {
    assertThat(of("Bearer not-a-jwt")).isEqualTo(TokenRefusal.MALFORMED);
    assertThat(of("Bearer a.b.c")).isEqualTo(TokenRefusal.MALFORMED);
  }

  @Test
  void algNoneOrAMissingSignatureIsUnsigned() {
    String c = claims(ISSUER, later, "\"stamp-api\"");
    assertThat(of(token("{\"alg\":\"none\"}", c, ""))).isEqualTo(TokenRefusal.UNSIGNED);
    assertThat(of(token(rs256, c, ""))).isEqualTo(TokenRefusal.UNSIGNED);
  }

  @Test
  void hmacAndOtherAlgorithmsAreNamed() {
    String c = claims(ISSUER, later, "\"stamp-api\"");
    assertThat(of(token("{\"alg\":\"HS256\"}", c, "sig"))).isEqualTo(TokenRefusal.HMAC_SIGNED);
    assertThat(of(token("{\"alg\":\"PS512\"}", c, "sig")))
        .isEqualTo(TokenRefusal.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void issuerExpiryAndAudienceAreCheckedInThatOrder() {
    assertThat(of(token(rs256, claims("https://elsewhere/realms/stamp", later, "\"x\""), "s")))
        .isEqualTo(TokenRefusal.OTHER_ISSUER);
    assertThat(of(token(rs256, claims(ISSUER, NOW.getEpochSecond(), "\"x\""), "s")))
        .isEqualTo(TokenRefusal.EXPIRED);
    assertThat(of(token(rs256, claims(ISSUER, later, "\"account\""), "s")))
        .isEqualTo(TokenRefusal.WRONG_AUDIENCE);
    assertThat(of(token(rs256, claims(ISSUER, later, "[\"account\",\"other\"]"), "s")))
        .isEqualTo(TokenRefusal.WRONG_AUDIENCE);
  }

  @Test
  void aTokenRightInEveryOtherWayWasRefusedForItsSignature() {
    assertThat(of(token(rs256, claims(ISSUER, later, "[\"account\",\"stamp-api\"]"), "s")))
        .isEqualTo(TokenRefusal.BAD_SIGNATURE);
    assertThat(of(token(rs256, claims(ISSUER, later, "\"stamp-api\""), "s")))
        .isEqualTo(TokenRefusal.BAD_SIGNATURE);
  }

  @Test
  void reasonsNeverRepeatTheToken() {
    String t = token(rs256, claims(ISSUER, later, "\"stamp-api\""), "secret-signature");
    for (TokenRefusal r : TokenRefusal.values()) {
      assertThat(r.reason()).doesNotContain("secret-signature");
      assertThat(RefusedRequests.challenge(r).orElse("")).doesNotContain(t.substring(7, 20));
    }
    assertThat(TokenRefusal.BAD_SIGNATURE.code()).isEqualTo("bad-signature");
  }
}
