package com.sovereignstamp.appliance.egress;

import com.sovereignstamp.appliance.persistence.ApplianceDatabase;
import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import com.sovereignstamp.appliance.residency.Destination;
import com.sovereignstamp.appliance.residency.EgressPurpose;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The stamp's one way out: every client that opens connections — HTTP, the XKS client, the database
 * — is issued here, for one destination and purpose, once the guard has allowed it. HTTP clients
 * are checked again on every request, follow no redirect and use no proxy (a JVM-wide proxy setting
 * would send the stamp's traffic elsewhere). An architecture test keeps every other class from
 * opening connections (docs/appliance.md "Egress").
 */
public final class OutboundClients {
  private final EgressGuard guard;

  public OutboundClients(EgressGuard guard) {
    this.guard = guard;
  }

  /**
   * An HTTP client for {@code destination} (scheme, host and port; any path on it).
   *
   * @param tls the TLS context for https, with the project's protocols ({@link PemTls#PROTOCOLS});
   *     empty: the JDK's default trust
   * @param connectTimeout the budget of opening a connection
   * @throws EgressRefusedException if the policy does not allow the destination for the purpose
   */
  public HttpClient httpClient(
      URI destination, EgressPurpose purpose, Optional<SSLContext> tls, Duration connectTimeout)
      throws EgressRefusedException {
    guard.check(destination, purpose);
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
    tls.ifPresent(c -> builder.sslContext(c).sslParameters(PemTls.parameters(c)));
    return guarded(builder, purpose);
  }

  /**
   * An XKS client of the key store at {@code settings.baseUrl()}, sending through an HTTP client
   * issued here.
   *
   * @throws EgressRefusedException if the policy does not allow the bridge for the purpose
   */
  public XksClient xksClient(XksClientSettings settings, EgressPurpose purpose)
      throws EgressRefusedException {
    guard.check(settings.baseUrl(), purpose);
    return new XksClient(settings, (destination, configured) -> guarded(configured, purpose));
  }

  /**
   * The stamp's database, opened (schema migrated, pool started) once every host its URL names is
   * allowed. Its URL comes from the configuration only.
   *
   * @throws EgressRefusedException if the policy does not allow a host of the URL
   * @throws com.sovereignstamp.appliance.residency.RegionChangedException if the database was
   *     installed for another region than the stamp's
   */
  public ApplianceDatabase database(DatabaseSettings settings, StampIdentity stamp)
      throws EgressRefusedException, SQLException {
    for (Destination host : settings.endpoints()) {
      guard.check(host, EgressPurpose.DATABASE);
    }
    return ApplianceDatabase.open(settings, stamp);
  }

  /** The guard, to check a destination that a framework dials by itself. */
  public EgressGuard guard() {
    return guard;
  }

  private HttpClient guarded(HttpClient.Builder configured, EgressPurpose purpose) {
    HttpClient client =
        configured
            .proxy(HttpClient.Builder.NO_PROXY)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new GuardedHttpClient(client, guard, purpose);
  }
}
