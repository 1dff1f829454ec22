package com.sovereignstamp.xks.client;

import java.net.URI;
import java.net.http.HttpClient;

/**
 * Turns the HTTP client builder an {@link XksClient} has configured (HTTP/1.1, no redirects, its
 * timeout, executor and TLS) into the client it sends through. The appliance passes its egress
 * guard here, which checks the destination against the residency policy before any connection is
 * opened and again on every request; tools and tests outside a stamp use {@link #DIRECT}.
 */
@FunctionalInterface
public interface HttpConnector {
  /** Builds the client as configured, with no check: for tools and tests, never in a stamp. */
  HttpConnector DIRECT = (destination, configured) -> configured.build();

  /**
   * @param destination the key store's base URL, the only place the client sends to
   * @param configured the builder as the XKS client set it up
   */
  HttpClient connect(URI destination, HttpClient.Builder configured);
}
