package com.sovereignstamp.appliance.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.Outcome;
import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import com.sovereignstamp.appliance.residency.AddressResolver;
import com.sovereignstamp.appliance.residency.EgressPurpose;
import com.sovereignstamp.appliance.residency.ResidencyPolicyReader;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.sigv4.SigningSecret;
import com.sovereignstamp.xks.client.RetryPolicy;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;
import com.sovereignstamp.xks.client.XksException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard in front of every outbound client, against a real local HTTP server: what is allowed
 * reaches it; what is refused never does, and is counted and audited.
 */
class OutboundClientsTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  HttpServer server;
  URI base;
  final AtomicInteger hits = new AtomicInteger();
  final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
  final Map<String, String> dns = new ConcurrentHashMap<>();
  final AddressResolver resolver =
      name -> {
        String a = dns.get(name);
        if (a == null) {
          throw new UnknownHostException(name);
        }
        return List.of(InetAddress.getByName(a)); // an address literal: no lookup
      };
  EgressRefusals refusals;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          if (exchange.getRequestURI().getPath().equals("/moved")) {
            exchange.getResponseHeaders().add("Location", "http://192.0.2.1/elsewhere");
            exchange.sendResponseHeaders(302, -1);
          } else {
            exchange.sendResponseHeaders(204, -1);
          }
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    refusals = new EgressRefusals();
    refusals.auditTo(audited::add);
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  /** Loopback on the test server's port, a name for it, and an entry of another region. */
  OutboundClients outbound() throws Exception {
    int port = server.getAddress().getPort();
    String policy =
        """
        {"region": "eu-de",
         "egressAllowlist": [
           {"host": "127.0.0.1/32", "port": %d, "region": "eu-de"},
           {"host": "bridge.eu-de.internal", "region": "eu-de"},
           {"host": "192.0.2.0/24", "region": "eu-fr"}]}
        """
            .formatted(port);
    return new OutboundClients(
        new EgressGuard(ResidencyPolicyReader.read(policy), resolver, refusals));
  }

  int get(HttpClient client, URI uri) throws Exception {
    return client
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void anAllowedDestination_getsAClientThatReachesIt() throws Exception {
    HttpClient client =
        outbound().httpClient(base, EgressPurpose.IDENTITY_PROVIDER, Optional.empty(), TIMEOUT);

    assertThat(get(client, base.resolve("/certs"))).isEqualTo(204);
    assertThat(hits).hasValue(1);
    assertThat(refusals.count()).isZero();
    assertThat(audited).isEmpty();
  }

  @Test
  void aHostNotInTheAllowlist_getsNoClient_andIsCountedAndAudited() throws Exception {
    assertThatThrownBy(
            () ->
                outbound()
                    .httpClient(
                        URI.create("https://sso.example.com/certs"),
                        EgressPurpose.IDENTITY_PROVIDER,
                        Optional.empty(),
                        TIMEOUT))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessage(
            "egress to sso.example.com:443 (identity-provider) refused by the residency policy:"
                + " sso.example.com:443 is not in the egress allowlist");

    assertThat(refusals.count()).isEqualTo(1);
    assertThat(audited)
        .containsExactly(
            AuditEvent.of("egress.refused", Actor.SYSTEM)
                .with("host", "sso.example.com")
                .with("port", 443)
                .with("purpose", "identity-provider")
                .with("reason", "sso.example.com:443 is not in the egress allowlist")
                .outcome(Outcome.REFUSED));
  }

  @Test
  void anAddressOutsideTheAllowlistedBlocks_isRefused() throws Exception {
    URI other = URI.create("http://127.0.0.2:" + server.getAddress().getPort());

    assertThatThrownBy(
            () -> outbound().httpClient(other, EgressPurpose.BRIDGE, Optional.empty(), TIMEOUT))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageEndingWith(
            "127.0.0.2:" + server.getAddress().getPort() + " is not in the egress allowlist");
    assertThat(refusals.count()).isEqualTo(1);
  }

  @Test
  void aDestinationOfAnotherRegion_isRefused() throws Exception {
    assertThatThrownBy(
            () ->
                outbound()
                    .httpClient(
                        URI.create("https://192.0.2.10"),
                        EgressPurpose.BRIDGE,
                        Optional.empty(),
                        TIMEOUT))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageContaining("is allowlisted for region eu-fr, not this stamp's region eu-de");
    assertThat(audited)
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("purpose", "bridge"));
  }

  @Test
  void anAllowlistedNameThatResolvesOutsideItsBlocks_isRefused() throws Exception {
    dns.put("bridge.eu-de.internal", "198.51.100.7");

    assertThatThrownBy(
            () ->
                outbound()
                    .httpClient(
                        URI.create("https://bridge.eu-de.internal:8443"),
                        EgressPurpose.BRIDGE,
                        Optional.empty(),
                        TIMEOUT))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageEndingWith(
            "bridge.eu-de.internal resolves to 198.51.100.7, which is not in the egress allowlist"
                + " for port 8443");
  }

  @Test
  void aNameThatResolvesElsewhereAfterTheClientWasIssued_isRefusedAtTheNextRequest()
      throws Exception {
    dns.put("bridge.eu-de.internal", "127.0.0.1");
    URI named = URI.create("http://bridge.eu-de.internal:" + server.getAddress().getPort());
    HttpClient client =
        outbound().httpClient(named, EgressPurpose.BRIDGE, Optional.empty(), TIMEOUT);
    dns.put("bridge.eu-de.internal", "198.51.100.7");

    assertThatThrownBy(() -> get(client, named.resolve("/kms")))
        .isInstanceOf(EgressRefusedException.class);
    assertThat(hits).hasValue(0);
    assertThat(refusals.count()).isEqualTo(1);
  }

  @Test
  void anIssuedClient_cannotBeUsedForADestinationTheListDoesNotAllow() throws Exception {
    HttpClient client =
        outbound().httpClient(base, EgressPurpose.BRIDGE, Optional.empty(), TIMEOUT);
    HttpRequest elsewhere = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).build();

    assertThatThrownBy(() -> client.send(elsewhere, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(EgressRefusedException.class);
    assertThatThrownBy(
            () -> client.sendAsync(elsewhere, HttpResponse.BodyHandlers.discarding()).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EgressRefusedException.class);
    assertThat(refusals.count()).isEqualTo(2);
  }

  @Test
  void redirects_areNotFollowed() throws Exception {
    HttpClient client =
        outbound().httpClient(base, EgressPurpose.IDENTITY_PROVIDER, Optional.empty(), TIMEOUT);

    assertThat(get(client, base.resolve("/moved"))).isEqualTo(302);
    assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
  }

  @Test
  void noProxy_isUsed_whateverTheJvmIsSetTo() throws Exception {
    HttpClient client =
        outbound().httpClient(base, EgressPurpose.IDENTITY_PROVIDER, Optional.empty(), TIMEOUT);

    assertThat(client.proxy().orElseThrow().select(base)).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void beforeTheAuditLogIsOpen_aRefusalIsCountedOnly() throws Exception {
    EgressRefusals early = new EgressRefusals();
    EgressGuard guard =
        new EgressGuard(
            ResidencyPolicyReader.read("{\"region\": \"eu-de\", \"egressAllowlist\": []}"),
            resolver,
            early);

    assertThatThrownBy(() -> guard.check(base, EgressPurpose.DATABASE))
        .isInstanceOf(EgressRefusedException.class);
    assertThat(early.count()).isEqualTo(1);
  }

  @Test
  void anXksClient_isRefusedForABridgeOutsideTheList_andEachOfItsRequestsPassesTheGuard()
      throws Exception {
    dns.put("bridge.eu-de.internal", "127.0.0.1");
    XksClientSettings.Builder settings =
        XksClientSettings.builder()
            .region("eu-de")
            .credentials("AKIDEXAMPLE", SigningSecret.of("secret"))
            .retry(RetryPolicy.noRetries())
            .requestTimeout(TIMEOUT);
    OutboundClients outbound = outbound();

    assertThatThrownBy(
            () ->
                outbound.xksClient(
                    settings.baseUrl("http://127.0.0.3:8443").build(), EgressPurpose.BRIDGE))
        .isInstanceOf(EgressRefusedException.class);
    try (XksClient client =
        outbound.xksClient(
            settings
                .baseUrl("http://bridge.eu-de.internal:" + server.getAddress().getPort())
                .build(),
            EgressPurpose.BRIDGE)) {
      dns.put("bridge.eu-de.internal", "198.51.100.7");

      assertThatThrownBy(client::health).isInstanceOf(XksException.class);
    }
    assertThat(hits).hasValue(0);
    assertThat(refusals.count()).isEqualTo(2);
  }

  @Test
  void aDatabaseHostOutsideTheList_isRefusedBeforeAnyConnection() throws Exception {
    // the PostgreSQL driver takes a host from the query too: that is the one checked
    DatabaseSettings db =
        new DatabaseSettings(
            "jdbc:postgresql://127.0.0.1:5432/stamp?host=198.51.100.7", "stamp", "", 1);

    assertThatThrownBy(() -> outbound().database(db, new StampIdentity("stamp-1", "eu-de")))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageStartingWith("egress to 198.51.100.7:5432 (database) refused");
  }
}
