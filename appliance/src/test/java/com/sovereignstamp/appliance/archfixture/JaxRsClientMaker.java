package com.sovereignstamp.appliance.archfixture;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

/** Builds a JAX-RS client: the rule must catch it. */
public final class JaxRsClientMaker {
  private JaxRsClientMaker() {}

  static Client client() {
    return ClientBuilder.newClient();
  }
}
