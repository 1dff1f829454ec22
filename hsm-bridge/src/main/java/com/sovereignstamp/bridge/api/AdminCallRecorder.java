package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.audit.AuditTrail;
import com.sovereignstamp.bridge.audit.AuditedCall;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;

/**
 * Records a call to one of the bridge's own endpoints ({@code api: admin}) in the audit trail; the
 * caller is known by its client certificate only.
 */
final class AdminCallRecorder {
  private final AuditTrail audit;
  private final String operation;
  private final Optional<X500Principal> subject;
  private final Instant at = Instant.now();
  private final long start = System.nanoTime();

  AdminCallRecorder(AuditTrail audit, String operation, Optional<X500Principal> subject) {
    this.audit = audit;
    this.operation = operation;
    this.subject = subject;
  }

  /**
   * @throws com.sovereignstamp.bridge.audit.AuditUnavailableException if it cannot be recorded
   */
  void record(String outcome, String reason) {
    audit.record(
        new AuditedCall(
            UUID.randomUUID().toString(),
            at,
            "admin",
            operation,
            "",
            "",
            "",
            subject.map(X500Principal::getName).orElse(""),
            "",
            "",
            "",
            outcome,
            reason,
            (System.nanoTime() - start) / 1000));
  }
}
