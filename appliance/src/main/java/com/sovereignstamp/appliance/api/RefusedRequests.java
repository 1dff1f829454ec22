package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.Outcome;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records requests refused for their token (401) or their roles (403) in the audit log: method,
 * path (never the query or a header), status and, when the token was valid, who. Best effort: the
 * refusal is answered whether or not the event could be recorded.
 */
final class RefusedRequests {
  private static final Logger LOG = Logger.getLogger(RefusedRequests.class.getName());
  static final Actor ANONYMOUS = new Actor("anonymous", "anonymous");

  private RefusedRequests() {}

  static void record(String method, String path, int status, Actor actor) {
    try {
      ApplianceRuntime runtime = CDI.current().select(ApplianceRuntime.class).get();
      runtime
          .audit()
          .record(
              AuditEvent.of("request.refused", actor == null ? ANONYMOUS : actor)
                  .with("method", method)
                  .with("path", path.length() > 512 ? path.substring(0, 512) : path)
                  .with("status", status)
                  .with("reason", status == 401 ? "no valid token" : "roles do not allow it")
                  .outcome(Outcome.REFUSED));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a refused request could not be audited: {0}", e.toString());
    }
  }
}
