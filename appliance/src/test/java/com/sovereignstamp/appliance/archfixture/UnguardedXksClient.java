package com.sovereignstamp.appliance.archfixture;

import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;

/** Builds an XKS client that connects directly, around the guard: the rule must catch it. */
public final class UnguardedXksClient {
  private UnguardedXksClient() {}

  static XksClient client(XksClientSettings settings) {
    return new XksClient(settings);
  }
}
