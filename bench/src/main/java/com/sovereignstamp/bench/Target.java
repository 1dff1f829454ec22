package com.sovereignstamp.bench;

import java.net.URI;

/**
 * Where the driver connects: a loopback address only.
 *
 * @param host the IP literal connected to and checked against the server certificate
 * @param port the TCP port
 * @param timeoutMillis connect and read timeout of one exchange
 */
record Target(String host, int port, int timeoutMillis) {
  static final String LOOPBACK = "127.0.0.1";

  Target {
    if (!LOOPBACK.equals(host)) {
      throw new IllegalArgumentException(
          "the driver connects to " + LOOPBACK + " only, not " + host);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** From a base URL such as {@code https://127.0.0.1:18500}. */
  static Target of(URI baseUrl, int timeoutMillis) {
    if (!"https".equals(baseUrl.getScheme()) || baseUrl.getPort() < 0) {
      throw new IllegalArgumentException("expected https://127.0.0.1:PORT, got " + baseUrl);
    }
    return new Target(baseUrl.getHost(), baseUrl.getPort(), timeoutMillis);
  }

  /** The {@code Host} header value (and the value signed as {@code host}). */
  String hostHeader() {
    return port == 443 ? host : host + ":" + port;
  }
}
