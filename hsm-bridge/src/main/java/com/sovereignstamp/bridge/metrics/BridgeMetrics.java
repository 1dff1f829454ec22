package com.sovereignstamp.bridge.metrics;

import com.sovereignstamp.bridge.auth.KeyStoreRegistry;
import com.sovereignstamp.bridge.health.HsmHealth;
import com.sovereignstamp.bridge.keys.HsmEvents;
import com.sovereignstamp.bridge.witness.WitnessCounters;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the bridge does and renders it for Prometheus. */
public final class BridgeMetrics
    implements HsmEvents, KeyStoreRegistry.ReloadListener, WitnessCounters {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LatencyHistogram> latency = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> hsmErrors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> witnessCosigned = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> witnessInconsistent = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> witnessRefused = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> reloads = new ConcurrentHashMap<>();
  private final LongAdder auditFailures = new LongAdder();
  private final LongAdder checkpointFailures = new LongAdder();
  private volatile long checkpointSize = -1;
  private volatile long checkpointEpochSecond;
  private volatile boolean linkUp;
  private volatile HsmHealth lastHealth;

  /** One finished XKS request. */
  public void request(String operation, String outcome, long nanos) {
    requests.computeIfAbsent(operation + '\0' + outcome, k -> new LongAdder()).increment();
    latency.computeIfAbsent(operation, k -> new LatencyHistogram()).observe(nanos);
  }

  /** A call was refused because the audit trail could not record it. */
  public void auditFailure() {
    auditFailures.increment();
  }

  /** A checkpoint was signed (or found current) covering this many entries. */
  public void checkpointMade(long treeSize) {
    checkpointSize = treeSize;
    checkpointEpochSecond = java.time.Instant.now().getEpochSecond();
  }

  /** A scheduled checkpoint could not be made. */
  public void checkpointFailure() {
    checkpointFailures.increment();
  }

  public void health(HsmHealth health) {
    lastHealth = health;
  }

  @Override
  public void hsmError(String error) {
    hsmErrors.computeIfAbsent(error, k -> new LongAdder()).increment();
  }

  @Override
  public void linkChanged(boolean up) {
    linkUp = up;
  }

  @Override
  public void reloaded(boolean ok) {
    reloads.computeIfAbsent(ok ? "ok" : "refused", k -> new LongAdder()).increment();
  }

  @Override
  public void witnessCosigned(String client) {
    witnessCosigned.computeIfAbsent(client, k -> new LongAdder()).increment();
  }

  @Override
  public void witnessInconsistent(String client) {
    witnessInconsistent.computeIfAbsent(client, k -> new LongAdder()).increment();
  }

  @Override
  public void witnessRefused(String reason) {
    witnessRefused.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  /** The Prometheus text exposition (format 0.0.4). */
  public String render() {
    StringBuilder out = new StringBuilder(4096);
    header(out, "xks_requests_total", "counter", "XKS requests by operation and outcome");
    new TreeMap<>(requests)
        .forEach(
            (k, v) -> {
              String[] parts = k.split("\0", 2);
              out.append("xks_requests_total{operation=\"").append(parts[0]);
              out.append("\",outcome=\"").append(parts[1]).append("\"} ").append(v.sum());
              out.append('\n');
            });
    header(out, "xks_request_duration_seconds", "histogram", "XKS request latency");
    new TreeMap<>(latency)
        .forEach(
            (op, h) -> h.render(out, "xks_request_duration_seconds", "operation=\"" + op + "\""));
    header(out, "hsm_errors_total", "counter", "HSM calls that failed, by PKCS#11 return value");
    new TreeMap<>(hsmErrors)
        .forEach(
            (k, v) ->
                out.append("hsm_errors_total{error=\"")
                    .append(k)
                    .append("\"} ")
                    .append(v.sum())
                    .append('\n'));
    header(out, "hsm_link_up", "gauge", "1 while the bridge holds a working link to the HSM");
    out.append("hsm_link_up ").append(linkUp ? 1 : 0).append('\n');
    header(out, "hsm_health", "gauge", "1 for the state of the last deep health check");
    for (HsmHealth h : HsmHealth.values()) {
      out.append("hsm_health{state=\"").append(h).append("\"} ");
      out.append(h == lastHealth ? 1 : 0).append('\n');
    }
    header(out, "bridge_keystore_reloads_total", "counter", "key-store file reloads by result");
    new TreeMap<>(reloads)
        .forEach(
            (k, v) ->
                out.append("bridge_keystore_reloads_total{result=\"")
                    .append(k)
                    .append("\"} ")
                    .append(v.sum())
                    .append('\n'));
    header(out, "bridge_witness_cosigned_total", "counter", "checkpoints co-signed, by client");
    counters(out, "bridge_witness_cosigned_total", "client", witnessCosigned);
    header(
        out,
        "bridge_witness_inconsistent_total",
        "counter",
        "ALARM: checkpoints refused because they do not extend the witnessed history, by client");
    counters(out, "bridge_witness_inconsistent_total", "client", witnessInconsistent);
    header(
        out,
        "bridge_witness_refused_total",
        "counter",
        "witness submissions refused for other reasons, by reason");
    counters(out, "bridge_witness_refused_total", "reason", witnessRefused);
    header(
        out,
        "bridge_audit_failures_total",
        "counter",
        "calls refused because the audit trail could not record them");
    out.append("bridge_audit_failures_total ").append(auditFailures.sum()).append('\n');
    header(
        out,
        "bridge_audit_checkpoint_failures_total",
        "counter",
        "scheduled audit checkpoints that could not be made");
    out.append("bridge_audit_checkpoint_failures_total ")
        .append(checkpointFailures.sum())
        .append('\n');
    if (checkpointSize >= 0) {
      header(
          out,
          "bridge_audit_checkpoint_tree_size",
          "gauge",
          "entries covered by the latest audit checkpoint");
      out.append("bridge_audit_checkpoint_tree_size ").append(checkpointSize).append('\n');
      header(
          out,
          "bridge_audit_checkpoint_timestamp_seconds",
          "gauge",
          "when the latest audit checkpoint was made or confirmed current");
      out.append("bridge_audit_checkpoint_timestamp_seconds ")
          .append(checkpointEpochSecond)
          .append('\n');
    }
    return out.toString();
  }

  private static void counters(
      StringBuilder out, String name, String label, Map<String, LongAdder> counts) {
    new TreeMap<>(counts)
        .forEach(
            (k, v) ->
                out.append(name)
                    .append('{')
                    .append(label)
                    .append("=\"")
                    .append(k)
                    .append("\"} ")
                    .append(v.sum())
                    .append('\n'));
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }
}
