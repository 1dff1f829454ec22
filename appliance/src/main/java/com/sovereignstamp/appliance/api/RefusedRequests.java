package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.Outcome;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records requests refused for their token (401), their roles or their residency (403) in the audit
 * log: method, path (never the query or a header), status, why and, when the token was valid, who.
 * Best effort: the refusal is answered whether or not the event could be recorded.
 */
final class RefusedRequests {
  private static final Logger LOG = Logger.getLogger(RefusedRequests.class.getName());
  static final Actor ANONYMOUS = new Actor("anonymous", "anonymous");

  private RefusedRequests() {}

  static ApplianceRuntime runtime() {
    return CDI.current().select(ApplianceRuntime.class).get();
  }

  /** Records a request refused for its token (401) and says why it was. */
  static TokenRefusal tokenRefused(String method, String path, String authorization) {
    TokenRefusal refusal;
    try {
      var sso = runtime().settings().sso();
      refusal = TokenRefusal.of(authorization, sso.issuer(), sso.audiences(), Instant.now());
    } catch (RuntimeException e) {
      refusal = authorization == null ? TokenRefusal.NO_TOKEN : TokenRefusal.BAD_SIGNATURE;
    }
    record(method, path, 401, refusal.code(), refusal.reason(), null);
    return refusal;
  }

  /** Records a request the caller's roles do not allow (403). */
  static void rolesRefused(String method, String path, Actor actor) {
    record(method, path, 403, "roles", "the token's roles do not allow it", actor);
  }

  /**
   * The {@code WWW-Authenticate} challenge a 401 adds (RFC 6750): the reason of a refused token;
   * none without a token, where Payara's MP-JWT has answered {@code WWW-Authenticate: Bearer}
   * already (a header the error page can neither see nor replace, and a second challenge would only
   * confuse clients).
   */
  static Optional<String> challenge(TokenRefusal refusal) {
    return refusal == TokenRefusal.NO_TOKEN
        ? Optional.empty()
        : Optional.of(
            "Bearer realm=\"stamp\", error=\"invalid_token\", error_description=\""
                + refusal.reason()
                + "\"");
  }

  /**
   * @param reason a short code ({@code expired}, {@code roles}, {@code residency-mismatch}, …)
   * @param detail the reason in words
   */
  static void record(
      String method, String path, int status, String reason, String detail, Actor actor) {
    try {
      runtime()
          .audit()
          .record(
              AuditEvent.of("request.refused", actor == null ? ANONYMOUS : actor)
                  .with("method", method)
                  .with("path", path.length() > 512 ? path.substring(0, 512) : path)
                  .with("status", status)
                  .with("reason", reason)
                  .with("detail", detail)
                  .outcome(Outcome.REFUSED));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a refused request could not be audited: {0}", e.toString());
    }
  }
}
