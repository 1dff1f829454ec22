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
  private final String api;
  private final Instant at = Instant.now();
  private final long start = System.nanoTime();
  private String keyStore = "";
  private String key = "";
  private String principal = "";
  private String credential = "";

  AdminCallRecorder(BridgeRuntime runtime, String operation, Optional<X500Principal> subject) {
    this(runtime, "admin", operation, subject);
  }

  /**
   * @param api {@code admin} for the bridge's own endpoints, {@code officer} for the admin API
   */
  AdminCallRecorder(
      BridgeRuntime runtime, String api, String operation, Optional<X500Principal> subject) {
    this.runtime = runtime;
    this.api = api;
    this.operation = operation;
    this.subject = subject;
  }

  /** The operation recorded, for log lines. */
  String operation() {
    return operation;
  }

  /** The key the call is about, once known. */
  void key(String keyStore, String key) {
    this.keyStore = keyStore;
    this.key = key;
  }

  /** The SigV4 credential the caller presented, once verified. */
  void credential(String accessKeyId) {
    this.credential = accessKeyId;
  }

  /** Who the caller is, beyond its certificate (an officer's name). */
  void principal(String principal) {
    this.principal = principal;
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
                  api,
                  operation,
                  keyStore,
                  key,
                  credential,
                  subject.map(X500Principal::getName).orElse(""),
                  principal,
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
