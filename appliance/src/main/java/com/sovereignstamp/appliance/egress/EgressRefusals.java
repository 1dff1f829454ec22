package com.sovereignstamp.appliance.egress;

import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.AuditTrail;
import com.sovereignstamp.appliance.audit.Outcome;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts and records refused connections: a WARNING log line, the count behind {@code
 * stamp_egress_refused_total}, and an {@code egress.refused} audit event (host, port, purpose,
 * reason — never a path or query). The audit log lives in the database, itself a destination: until
 * it is open ({@link #auditTo}), refusals are logged and counted only. Best effort, like refused
 * requests: the connection is refused whether or not the event could be written.
 */
public final class EgressRefusals {
  private static final Logger LOG = Logger.getLogger(EgressRefusals.class.getName());

  private final AtomicLong count = new AtomicLong();
  private volatile AuditTrail audit;

  /** From now on every refusal is also an audit event. */
  public void auditTo(AuditTrail trail) {
    this.audit = trail;
  }

  /** Refusals since start. */
  public long count() {
    return count.get();
  }

  void record(EgressRefusedException refusal) {
    count.incrementAndGet();
    LOG.warning(refusal.getMessage());
    AuditTrail trail = audit;
    if (trail == null) {
      LOG.warning("the refusal is not audited: the audit log is not open yet");
      return;
    }
    try {
      trail.record(
          AuditEvent.of("egress.refused", Actor.SYSTEM)
              .with("host", refusal.destination().host())
              .with("port", refusal.destination().port())
              .with("purpose", refusal.purpose().wireName())
              .with("reason", refusal.reason())
              .outcome(Outcome.REFUSED));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a refused connection could not be audited: {0}", e.toString());
    }
  }
}
