package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/** Reads the bridge's own request and HSM-error counters from its Prometheus endpoint. */
final class BridgeCounters {
  static final String PATH = "/bridge/metrics";

  private BridgeCounters() {}

  /** The {@code xks_requests_total} and {@code hsm_errors_total} samples; empty if unreachable. */
  static List<String> scrape(SSLContext context, Target target) {
    return scrape(
        context,
        target,
        l -> l.startsWith("xks_requests_total{") || l.startsWith("hsm_errors_total{"));
  }

  /** The sample lines {@code wanted} keeps, or one line saying why there are none. */
  static List<String> scrape(SSLContext context, Target target, Predicate<String> wanted) {
    try (TlsConnection c = TlsConnection.open(context, target)) {
      HttpResponse r = c.exchange(HttpRequestBytes.get(PATH, target.hostHeader()));
      if (r.status() != 200) {
        return List.of("(metrics answered HTTP " + r.status() + ")");
      }
      return new String(r.body(), StandardCharsets.UTF_8).lines().filter(wanted).toList();
    } catch (IOException e) {
      return List.of("(metrics not readable: " + e.getMessage() + ")");
    }
  }
}
