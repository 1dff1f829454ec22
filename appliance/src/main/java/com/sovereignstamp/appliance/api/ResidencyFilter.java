package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses every authenticated request whose token's {@code residency} claim is not the region this
 * stamp serves (403 {@code residency-mismatch}, audited) — whatever address it comes from: the
 * claim is the caller's contractual residency, kept by the stamp's identity provider, so a
 * travelling user keeps working and a foreign one is refused from inside the region too. Runs after
 * the token is verified and before the role check, so the answer says why.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
@ApplicationScoped
public class ResidencyFilter implements ContainerRequestFilter {
  static final String CLAIM = "residency";
  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  @Inject ApplianceRuntime runtime;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
      return; // no caller: the role check answers 401
    }
    String region = runtime.settings().identity().region();
    Object claim = token.getClaim(CLAIM);
    String residency = claim == null ? null : claim.toString();
    if (residency != null && residency.startsWith("\"") && residency.endsWith("\"")) {
      residency = residency.substring(1, residency.length() - 1); // a JSON string value
    }
    if (region.equals(residency)) {
      return;
    }
    String detail =
        residency == null
            ? "the token carries no residency; this stamp serves " + region
            : "the caller's residency is "
                + (REGION.matcher(residency).matches() ? residency : "not a region")
                + "; this stamp serves "
                + region;
    RefusedRequests.record(
        request.getMethod(),
        request.getUriInfo().getRequestUri().getRawPath(),
        403,
        ProblemType.RESIDENCY_MISMATCH.slug(),
        detail,
        Callers.actor(token));
    request.abortWith(Problems.response(ProblemType.RESIDENCY_MISMATCH, detail));
  }
}
