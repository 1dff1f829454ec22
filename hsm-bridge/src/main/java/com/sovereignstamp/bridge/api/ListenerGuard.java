package com.sovereignstamp.bridge.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Keeps the two listeners apart: the officers' admin API ({@code /bridge/admin/…}) answers only on
 * the officers' listener ({@code bridge.admin.listen.port}), and nothing else answers there. The
 * port is the one the connection arrived on ({@link HttpServletRequest#getLocalPort()}), not the
 * one a Host header claims. A request on the wrong listener gets 404, as if the path did not exist.
 */
@Provider
@PreMatching
public class ListenerGuard implements ContainerRequestFilter {
  private static final String ADMIN_PATH = "bridge/admin";

  @Inject BridgeRuntime runtime;
  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    boolean adminPath = path.equals(ADMIN_PATH) || path.startsWith(ADMIN_PATH + "/");
    Optional<Integer> adminPort = runtime.settings().officers().adminPort();
    boolean onAdminListener = adminPort.isPresent() && http.getLocalPort() == adminPort.get();
    if (adminPath != onAdminListener) {
      request.abortWith(
          Problems.response(
              Problems.TYPE_BASE + "not-found", 404, "Not found", "no such resource here"));
    }
  }
}
