package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLContext;

/** Reads the bridge's own request and HSM-error counters from its Prometheus endpoint. */
final class BridgeCounters {
  static final String PATH = "/bridge/metrics";

  private BridgeCounters() {}

  /** The {@code xks_requests_total} and {@code hsm_errors_total} samples; empty if unreachable. */
  static List<String> scrape(SSLContext context, Target target) {
    try (TlsConnection c = TlsConnection.open(context, target)) {
      HttpResponse r = c.exchange(HttpRequestBytes.get(PATH, target.hostHeader()));
      if (r.status() != 200) {
        return List.of("(metrics answered HTTP " + r.status() + ")");
      }
      return new String(r.body(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> l.startsWith("xks_requests_total{") || l.startsWith("hsm_errors_total{"))
          .toList();
    } catch (IOException e) {
      return List.of("(metrics not readable: " + e.getMessage() + ")");
    }
  }
}
