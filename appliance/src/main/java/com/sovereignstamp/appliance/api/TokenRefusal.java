package com.sovereignstamp.appliance.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Why the runtime refused a request's bearer token (it answers 401 without saying): worked out
 * again from the token's header and claims, for the audit event and the problem's detail. The
 * signature is not checked here — the runtime did that; a token that looks right in every other way
 * was refused for its signature (tampered with, or signed with a key the issuer does not publish).
 * Never reveals the token itself.
 */
enum TokenRefusal {
  NO_TOKEN("no bearer token"),
  MALFORMED("the token is not a signed JWT"),
  UNSIGNED("the token is unsigned (alg none)"),
  HMAC_SIGNED("the token is HMAC-signed; only the identity provider's RS256 signatures count"),
  UNSUPPORTED_ALGORITHM("the token's signature algorithm is not accepted"),
  OTHER_ISSUER("the token is from another issuer"),
  EXPIRED("the token has expired"),
  NOT_YET_VALID("the token is not valid yet"),
  WRONG_AUDIENCE("the token is not for this API (audience)"),
  BAD_SIGNATURE("the token's signature does not verify (tampered, or an unknown key)");

  private final String reason;

  TokenRefusal(String reason) {
    this.reason = reason;
  }

  /** The words for the audit event and the problem's detail. */
  String reason() {
    return reason;
  }

  /** The audit event's short code, e.g. {@code expired}. */
  String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @param authorization the request's {@code Authorization} header, or null
   * @param issuer the issuer the API accepts
   * @param audiences the audiences the API accepts (one must be in the token)
   */
  static TokenRefusal of(String authorization, String issuer, List<String> audiences, Instant now) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.substring(7).isBlank()) {
      return NO_TOKEN;
    }
    String[] parts = authorization.substring(7).trim().split("\\.", -1);
    if (parts.length != 3) {
      return MALFORMED;
    }
    JsonObject header = decode(parts[0]);
    JsonObject claims = decode(parts[1]);
    if (header == null || claims == null) {
      return MALFORMED;
    }
    String alg = text(header.get("alg"));
    if (alg == null || alg.equalsIgnoreCase("none") || parts[2].isEmpty()) {
      return UNSIGNED;
    }
    if (alg.startsWith("HS")) {
      return HMAC_SIGNED;
    }
    if (!alg.equals("RS256") && !alg.equals("ES256")) {
      return UNSUPPORTED_ALGORITHM;
    }
    if (!issuer.equals(text(claims.get("iss")))) {
      return OTHER_ISSUER;
    }
    long seconds = now.getEpochSecond();
    if (claims.get("exp") instanceof JsonNumber exp && exp.longValue() <= seconds) {
      return EXPIRED;
    }
    if (claims.get("nbf") instanceof JsonNumber nbf && nbf.longValue() > seconds) {
      return NOT_YET_VALID;
    }
    if (!audienceMatches(claims.get("aud"), audiences)) {
      return WRONG_AUDIENCE;
    }
    return BAD_SIGNATURE;
  }

  private static boolean audienceMatches(JsonValue aud, List<String> audiences) {
    if (aud instanceof JsonString s) {
      return audiences.contains(s.getString());
    }
    if (aud instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (v instanceof JsonString s && audiences.contains(s.getString())) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonObject decode(String part) {
    try (var reader =
        JsonSupport.JSON.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : null;
  }
}
