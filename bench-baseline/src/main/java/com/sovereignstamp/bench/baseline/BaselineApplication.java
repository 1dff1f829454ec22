package com.sovereignstamp.bench.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The baseline's resources at the root of its context ({@code /baseline}); no authentication. */
@ApplicationPath("/")
@ApplicationScoped
public class BaselineApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
