package com.sovereignstamp.bench.baseline;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /baseline/ready}: 200 once the baseline's tables are there (for the runner). */
@Path("ready")
@RequestScoped
public class BaselineReadyResource {
  @Inject BaselineRuntime runtime;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String ready() {
    runtime.store();
    return "ready";
  }
}
