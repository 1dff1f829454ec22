package com.sovereignstamp.appliance.sso;

import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.appliance.config.SsoSettings;
import com.sovereignstamp.appliance.egress.EgressRefusedException;
import com.sovereignstamp.appliance.egress.OutboundClients;
import com.sovereignstamp.appliance.residency.EgressPurpose;
import com.sovereignstamp.xks.client.PemTls;
import java.net.http.HttpClient;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client that fetches the identity provider's keys, issued by the egress guard for the key
 * set's address: TLS checked against {@code stamp.sso.ca-file} when set (else the JVM's trust
 * store), no redirects, no proxy.
 */
public final class SsoClients {
  private SsoClients() {}

  /**
   * @throws EgressRefusedException if the residency policy does not allow the identity provider
   */
  public static HttpClient create(SsoSettings s, OutboundClients outbound)
      throws EgressRefusedException {
    Optional<SSLContext> tls = Optional.empty();
    if (s.caFile().isPresent()) {
      try {
        tls = Optional.of(PemTls.trustOnly(s.caFile().get()));
      } catch (RuntimeException e) {
        throw new SettingsException(
            "stamp.sso.ca-file " + s.caFile().get() + " cannot be used: " + e.getMessage(), e);
      }
    }
    return outbound.httpClient(s.jwksUrl(), EgressPurpose.IDENTITY_PROVIDER, tls, s.timeout());
  }
}
