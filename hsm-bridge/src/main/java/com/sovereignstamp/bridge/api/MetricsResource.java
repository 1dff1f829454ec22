package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Prometheus scrape endpoint, on the same mutual-TLS listener as the XKS API. Scrapes are counted
 * in the audit trail like other reads; while the trail cannot record, the scrape is refused.
 */
@Path("/bridge/metrics")
@RequestScoped
public class MetricsResource {
  @Inject BridgeRuntime runtime;
  @Context HttpServletRequest http;

  @GET
  public Response scrape() {
    String body = runtime.metrics().render();
    try {
      new AdminCallRecorder(runtime, "metrics", ClientCertificates.subject(http)).record("ok", "");
    } catch (AuditUnavailableException e) {
      return Problems.response(
          Problems.TYPE_BASE + "audit/unavailable",
          503,
          "Audit trail unavailable",
          "the audit trail cannot record the call");
    }
    return Response.ok(body).type("text/plain; version=0.0.4; charset=utf-8").build();
  }
}
