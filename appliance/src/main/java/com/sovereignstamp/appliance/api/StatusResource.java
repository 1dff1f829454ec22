package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** {@code /api/v1/status}: the stamp's mode, region and the state of its keys and audit log. */
@Path("status")
@RequestScoped
public class StatusResource {
  @Inject ApplianceRuntime runtime;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.STAMP_ADMIN, Roles.SECURITY_OFFICER, Roles.AUDITOR, Roles.USER})
  public String status() {
    var s = runtime.settings();
    return Json.createObjectBuilder()
        .add("mode", "NORMAL")
        .add("stampId", s.identity().stampId())
        .add("region", s.identity().region())
        .add("profile", s.profile().name().toLowerCase(Locale.ROOT))
        .add(
            "keys",
            Json.createObjectBuilder()
                .add("cmkKeyId", s.bridge().cmkKeyId())
                .add("cached", runtime.cache().size())
                .add("unwraps", runtime.cache().unwraps())
                .add("softTtl", s.dekCache().softTtl().toString())
                .add("hardTtl", s.dekCache().hardTtl().toString()))
        .add("audit", Json.createObjectBuilder().add("entries", runtime.auditLog().tree().size()))
        .build()
        .toString();
  }
}
