package com.sovereignstamp.appliance.audit;

/** Where audit events go: the appliance's tamper-evident log. */
public interface AuditTrail {
  /**
   * Returns once the event is durable.
   *
   * @throws AuditUnavailableException if it is not; the operation must then fail
   */
  void record(AuditEvent event);
}
