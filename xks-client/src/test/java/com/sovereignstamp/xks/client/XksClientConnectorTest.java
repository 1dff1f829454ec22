package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector builds the HTTP client an XKS client sends through (the appliance's guard). */
class XksClientConnectorTest {
  static FakeXksProxy proxy;

  @BeforeAll
  static void startProxy() throws Exception {
    proxy = FakeXksProxy.start("server");
  }

  @AfterAll
  static void stopProxy() {
    proxy.close();
  }

  @Test
  void theConnector_isAskedForTheClientOfTheBaseUrl_andTheCallsGoThroughIt() {
    List<URI> asked = new ArrayList<>();
    HttpConnector recording =
        (destination, configured) -> {
          asked.add(destination);
          return configured.build();
        };
    XksClientSettings settings = proxy.settings().build();

    try (XksClient client = new XksClient(settings, recording)) {
      assertThat(client.health().fleetSize()).isEqualTo(2);
    }

    assertThat(asked).containsExactly(settings.baseUrl());
  }

  @Test
  void aConnectorThatRefuses_leavesNoClient() {
    HttpConnector refusing =
        (destination, configured) -> {
          throw new IllegalStateException("not allowed: " + destination.getHost());
        };

    assertThatThrownBy(() -> new XksClient(proxy.settings().build(), refusing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not allowed: 127.0.0.1");
  }

  @Test
  void theDirectConnector_buildsTheConfiguredClient() {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);

    assertThat(HttpConnector.DIRECT.connect(URI.create("https://127.0.0.1:1"), builder).version())
        .isEqualTo(HttpClient.Version.HTTP_1_1);
  }
}
