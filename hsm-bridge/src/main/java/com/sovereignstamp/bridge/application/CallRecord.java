package com.sovereignstamp.bridge.application;

import com.sovereignstamp.bridge.audit.AuditedCall;
import com.sovereignstamp.bridge.auth.Caller;
import com.sovereignstamp.bridge.xks.RequestMetadata;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What is known about a call as it is handled, for its audit entry, log line and metrics. */
final class CallRecord {
  final String requestId = UUID.randomUUID().toString();
  final Instant at;
  String operation = "unknown";
  String keyStore = "";
  String keyId = "";
  Caller caller;
  Optional<RequestMetadata> metadata = Optional.empty();
  String outcome = "InternalException";
  String detail = "";

  CallRecord(Instant at) {
    this.at = at;
  }

  AuditedCall audited(Optional<String> presentedSubject, long nanos) {
    String subject =
        caller != null
            ? caller.subject().map(s -> s.getName()).orElse("")
            : presentedSubject.orElse("");
    return new AuditedCall(
        requestId,
        at,
        "xks",
        operation,
        keyStore,
        keyId,
        caller == null ? "" : caller.accessKeyId(),
        subject,
        metadata.flatMap(RequestMetadata::awsPrincipalArn).orElse(""),
        metadata.map(RequestMetadata::kmsRequestId).orElse(""),
        metadata.map(RequestMetadata::kmsOperation).orElse(""),
        outcome,
        detail,
        nanos / 1000);
  }
}
