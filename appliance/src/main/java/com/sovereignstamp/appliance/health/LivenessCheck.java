package com.sovereignstamp.appliance.health;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live once the runtime started (a failed start fails the deployment instead). */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
  @Inject ApplianceRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("appliance")
        .status(runtime != null && runtime.settings() != null)
        .build();
  }
}
