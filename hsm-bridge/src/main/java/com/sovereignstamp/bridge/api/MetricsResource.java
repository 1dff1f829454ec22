package com.sovereignstamp.bridge.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Prometheus scrape endpoint, on the same mutual-TLS listener as the XKS API. */
@Path("/bridge/metrics")
@RequestScoped
public class MetricsResource {
  @Inject BridgeRuntime runtime;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return runtime.metrics().render();
  }
}
