package com.sovereignstamp.appliance.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API under {@code /api/v1}; callers authenticate with a bearer token (MicroProfile JWT). */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Sovereign Stamp API",
            version = "1",
            description =
                "Collections and envelope-encrypted documents of one stamp. Errors are RFC 9457"
                    + " problem details; docs/api.md lists their types and the role matrix."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({
  Roles.STAMP_ADMIN,
  Roles.SECURITY_OFFICER,
  Roles.AUDITOR,
  Roles.USER,
  Roles.BACKUP_AGENT
})
@ApplicationScoped
public class StampApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    // no generated WADL: the OpenAPI document at /openapi describes the API
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
