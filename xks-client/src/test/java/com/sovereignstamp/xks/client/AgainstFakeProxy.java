package com.sovereignstamp.xks.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that talk to one {@link FakeXksProxy} per test class through one client. */
abstract class AgainstFakeProxy {
  static FakeXksProxy proxy;
  static XksClient client;

  @BeforeAll
  static void startProxy() throws Exception {
    proxy = FakeXksProxy.start("server");
    client = proxy.client();
  }

  @AfterAll
  static void stopProxy() {
    client.close();
    proxy.close();
  }
}
