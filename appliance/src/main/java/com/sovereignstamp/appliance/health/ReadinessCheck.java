package com.sovereignstamp.appliance.health;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers, the audit log takes events and the identity provider's signing
 * keys have been fetched (without any of them, no operation can succeed: without keys every token
 * is refused). Reports the mode, region and the bridge client's circuit state; a bridge that is
 * down or a revoked key does not make the appliance unready (it stays up so that the console can
 * explain the mode) — the status, the mode and the errors say why calls fail.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject ApplianceRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    boolean database = runtime.databaseReachable();
    boolean audit = runtime.auditLog().isWritable();
    int tokenKeys = runtime.jwks().keyIds().size();
    return HealthCheckResponse.named("stamp")
        .status(database && audit && tokenKeys > 0)
        .withData("mode", runtime.mode().mode().name())
        .withData("modeSince", runtime.mode().current().since().toString())
        .withData("region", runtime.settings().identity().region())
        .withData("database", database ? "up" : "down")
        .withData("auditLog", audit ? "writable" : "not writable")
        .withData("bridgeCircuit", runtime.xks().circuitState().name())
        .withData("tokenSigningKeys", tokenKeys)
        .withData(
            "tokenKeysFetched", runtime.jwks().lastRefresh().map(Object::toString).orElse("never"))
        .build();
  }
}
