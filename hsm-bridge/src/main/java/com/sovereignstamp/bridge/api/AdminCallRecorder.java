package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.audit.AuditedCall;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;

/**
 * Records a call to one of the bridge's own endpoints ({@code api: admin}) in the audit trail; the
 * caller is known by its client certificate only. A call the trail cannot take is logged and
 * counted here; the endpoint then refuses it with its own problem.
 */
final class AdminCallRecorder {
  private static final Logger LOG = Logger.getLogger(AdminCallRecorder.class.getName());
  private final BridgeRuntime runtime;
  private final String operation;
  private final Optional<X500Principal> subject;
  private final Instant at = Instant.now();
  private final long start = System.nanoTime();

  AdminCallRecorder(BridgeRuntime runtime, String operation, Optional<X500Principal> subject) {
    this.runtime = runtime;
    this.operation = operation;
    this.subject = subject;
  }

  /**
   * @throws com.sovereignstamp.bridge.audit.AuditUnavailableException if it cannot be recorded
   */
  void record(String outcome, String reason) {
    try {
      runtime
          .audit()
          .record(
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
    } catch (AuditUnavailableException e) {
      LOG.log(Level.SEVERE, operation + " refused: the audit trail cannot record it", e);
      runtime.metrics().auditFailure();
      throw e;
    }
  }
}
