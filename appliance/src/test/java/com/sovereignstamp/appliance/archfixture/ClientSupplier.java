package com.sovereignstamp.appliance.archfixture;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/** Hands out HTTP clients through a method reference rather than a call: still caught. */
public final class ClientSupplier {
  static final Supplier<HttpClient> CLIENTS = HttpClient::newHttpClient;

  private ClientSupplier() {}
}
