package com.sovereignstamp.appliance.mode;

import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.AuditTrail;
import com.sovereignstamp.appliance.audit.Outcome;
import java.util.Locale;

/**
 * Records every transition in the audit log ({@code mode.change}: from, to, why, and whether this
 * node found it or heard it from another). The transition stands even if the log cannot take the
 * event: a revocation must never wait for the audit log.
 */
public final class ModeChangeAudit implements ModeListener {
  private final AuditTrail audit;

  public ModeChangeAudit(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void changed(ModeChange change) {
    audit.record(
        AuditEvent.of("mode.change", Actor.SYSTEM)
            .with("from", change.from().mode())
            .with("to", change.to().mode())
            .with("reason", change.to().reason())
            .with("origin", change.origin().name().toLowerCase(Locale.ROOT))
            .outcome(Outcome.SUCCESS));
  }
}
