package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.AuditTrail;
import com.sovereignstamp.appliance.audit.AuditUnavailableException;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.storage.AuditLog;
import java.time.Clock;

/**
 * Audit events as entries of the tamper-evident log (audit-log) in the stamp's database: {@code
 * {"at", "stamp", "region", "action", "actor": {"subject", "name"}, "outcome", "details"}}. An
 * event is recorded only once its entry is durable.
 */
public final class AuditLogTrail implements AuditTrail {
  private final AuditLog log;
  private final StampIdentity identity;
  private final Clock clock;

  public AuditLogTrail(AuditLog log, StampIdentity identity, Clock clock) {
    this.log = log;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void record(AuditEvent event) {
    CanonicalJson.ObjectBuilder details = CanonicalJson.object();
    event.details().forEach(details::put);
    try {
      log.append(
          CanonicalJson.object()
              .put("type", "event")
              .put("v", 1)
              .put("time", clock.instant().toString())
              .put("stamp", identity.stampId())
              .put("region", identity.region())
              .put("action", event.action())
              .put(
                  "actor",
                  CanonicalJson.object()
                      .put("subject", event.actor().subject())
                      .put("name", event.actor().name())
                      .build())
              .put("outcome", event.outcome().name().toLowerCase(java.util.Locale.ROOT))
              .put("details", details.build())
              .build());
    } catch (RuntimeException e) {
      throw new AuditUnavailableException("the audit log did not take the event", e);
    }
  }

  public AuditLog log() {
    return log;
  }
}
