package com.sovereignstamp.bridge.api;

import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.export.AuditExport;
import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;

/**
 * The audit trail for auditors (client certificates named in {@code
 * bridge.audit.auditor-subjects}): a checkpoint on demand, and the whole log with its latest
 * checkpoint as a zip ({@code ./stamp audit export}). Both are recorded in the trail themselves.
 */
@Path("/bridge/audit")
@RequestScoped
public class AuditResource {
  private static final Logger LOG = Logger.getLogger(AuditResource.class.getName());
  private static final String PROBLEMS = Problems.TYPE_BASE + "audit/";

  @Inject BridgeRuntime runtime;
  @Context HttpServletRequest http;

  /** Flushes the read counts and signs a checkpoint over the whole log now. */
  @POST
  @Path("checkpoints")
  public Response checkpoint() {
    return asAuditor(
        "audit.checkpoint",
        () -> {
          SignedCheckpoint c = runtime.checkpointNow();
          return Response.ok(c.toCanonicalJson()).type(MediaType.APPLICATION_JSON_TYPE).build();
        });
  }

  /** The log, its leaf hashes, every checkpoint and a fresh one, as a zip for offline checking. */
  @GET
  @Path("export")
  public Response export() {
    return asAuditor(
        "audit.export",
        () -> {
          runtime.checkpointNow(); // covers everything up to and including this export's entry
          AuditExport export =
              new AuditExport(
                  runtime.auditDatabase().orElseThrow().dataSource(),
                  Optional.of(runtime.checkpointSigner().publicKey()),
                  Clock.systemUTC());
          StreamingOutput zip =
              out -> {
                try {
                  export.writeZip(out);
                } catch (SQLException e) {
                  throw new java.io.IOException("the audit log could not be read", e);
                }
              };
          return Response.ok(zip)
              .type("application/zip")
              .header("Content-Disposition", "attachment; filename=\"bridge-audit-export.zip\"")
              .build();
        });
  }

  @FunctionalInterface
  private interface Action {
    Response run() throws SQLException;
  }

  /**
   * Runs an auditor's action: refuses other callers, records the call first (so the checkpoint that
   * follows covers it), answers a problem when the trail is off or cannot record.
   */
  private Response asAuditor(String operation, Action action) {
    Optional<X500Principal> subject = ClientCertificates.subject(http);
    AdminCallRecorder recorder = new AdminCallRecorder(runtime, operation, subject);
    try {
      if (runtime.auditDatabase().isEmpty()) {
        recorder.record("AuditOff", "the audit trail is off");
        return problem("off", 503, "The audit trail is off", "bridge.audit.enabled is false");
      }
      if (subject.isEmpty() || !isAuditor(subject.get())) {
        recorder.record("NotAnAuditor", "client certificate not in bridge.audit.auditor-subjects");
        return problem(
            "not-an-auditor",
            403,
            "Not an auditor",
            "this client certificate is not named in bridge.audit.auditor-subjects");
      }
      recorder.record("ok", "");
    } catch (AuditUnavailableException e) {
      return problem(
          "unavailable", 503, "Audit trail unavailable", "the audit trail cannot record the call");
    }
    try {
      return action.run();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, operation + " failed", e);
      return problem(
          "unavailable",
          503,
          "Audit trail unavailable",
          "the checkpoint could not be made now (database or HSM); try again");
    }
  }

  private boolean isAuditor(X500Principal subject) {
    return runtime.settings().audit().auditorSubjects().stream()
        .map(X500Principal::new)
        .anyMatch(subject::equals);
  }

  private static Response problem(String type, int status, String title, String detail) {
    return Problems.response(PROBLEMS + type, status, title, detail);
  }
}
