package com.sovereignstamp.bench.baseline;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The baseline's resources at the root of its context ({@code /baseline}). Bare, except {@link
 * AuthenticatedBaselineDocumentsResource}: MicroProfile JWT is configured so that the benchmark can
 * also compare against the same store behind the API's token check (the server's {@code mp.jwt.*}
 * settings are the appliance's).
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("user")
@ApplicationScoped
public class BaselineApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
