package com.sovereignstamp.appliance.metrics;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import com.sovereignstamp.xks.client.CircuitState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The appliance's gauges in the application registry: the key cache (keys held, keys still in
 * memory, unwraps, hits, misses, failed background refreshes, purges), the bridge client's circuit
 * (0 closed, 1 half-open, 2 open), the audit log's size, and the operating mode ({@code
 * stamp_mode}: 0 NORMAL, 1 DEGRADED_READ_ONLY, 2 REVOKED) with the monitor's watch and poll
 * answers, and the connections the residency policy refused since start ({@code
 * stamp_egress_refused_total}). Never key material or content.
 */
@ApplicationScoped
public class ApplianceMetrics {
  @Inject ApplianceRuntime runtime;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ApplianceRuntime r = runtime;
    registry.gauge("stamp_dek_cache_keys", () -> r.cache().size());
    registry.gauge("stamp_dek_unwraps", () -> r.cache().unwraps());
    registry.gauge("stamp_dek_cache_hits", () -> r.cache().hits());
    registry.gauge("stamp_dek_cache_misses", () -> r.cache().misses());
    registry.gauge("stamp_dek_refresh_failures", () -> r.cache().refreshFailures());
    registry.gauge("stamp_bridge_circuit", () -> circuit(r.xks().circuitState()));
    registry.gauge("stamp_audit_entries", () -> r.auditLog().tree().size());
    registry.gauge("stamp_mode", () -> r.mode().mode().ordinal());
    registry.gauge("stamp_dek_keys_in_memory", () -> r.cache().inMemory());
    registry.gauge("stamp_dek_cache_purges", () -> r.cache().purges());
    registry.gauge("stamp_mode_watch_answers", () -> r.monitor().watchAnswers());
    registry.gauge("stamp_mode_poll_answers", () -> r.monitor().pollAnswers());
    registry.gauge("stamp_egress_refused_total", () -> r.egressRefusals().count());
  }

  static int circuit(CircuitState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }
}
