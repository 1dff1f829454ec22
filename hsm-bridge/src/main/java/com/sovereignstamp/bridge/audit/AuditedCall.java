package com.sovereignstamp.bridge.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What the trail records of one call: who called (credential, client certificate subject, asserted
 * principal), what they asked (interface, operation, key store, key, the caller's own request id
 * and operation name), what came of it and how long it took. Never plaintext, ciphertext, AAD or
 * key bytes: there is no field for them. Unknown parts are empty strings.
 *
 * @param requestId the bridge's own id for the call
 * @param at when the call arrived
 * @param api {@code xks}, or {@code admin} for the bridge's own endpoints
 * @param outcome {@code ok}, or the error name the caller was given
 * @param reason why a call was refused, in the bridge's words (never secret material)
 */
public record AuditedCall(
    String requestId,
    Instant at,
    String api,
    String operation,
    String keyStore,
    String key,
    String credential,
    String clientSubject,
    String principal,
    String kmsRequestId,
    String kmsOperation,
    String outcome,
    String reason,
    long latencyMicros) {

  public AuditedCall {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(clientSubject, "clientSubject");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(kmsRequestId, "kmsRequestId");
    Objects.requireNonNull(kmsOperation, "kmsOperation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public boolean succeeded() {
    return "ok".equals(outcome);
  }
}
