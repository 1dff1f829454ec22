package com.sovereignstamp.appliance.archfixture;

import java.net.http.HttpClient;

/** Builds its own HTTP client instead of asking the guard: the rule must catch it. */
public final class OwnHttpClient {
  private OwnHttpClient() {}

  static HttpClient client() {
    return HttpClient.newHttpClient();
  }
}
