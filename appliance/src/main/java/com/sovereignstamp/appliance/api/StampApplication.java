package com.sovereignstamp.appliance.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/** The API under {@code /api/v1}; callers authenticate with a bearer token (MicroProfile JWT). */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.STAMP_ADMIN, Roles.SECURITY_OFFICER, Roles.AUDITOR, Roles.USER})
@ApplicationScoped
public class StampApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    // no generated WADL: the OpenAPI document at /openapi describes the API
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
