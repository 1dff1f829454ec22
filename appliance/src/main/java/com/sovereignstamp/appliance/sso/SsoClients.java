package com.sovereignstamp.appliance.sso;

import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.appliance.config.SsoSettings;
import com.sovereignstamp.xks.client.PemTls;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client that fetches the identity provider's keys: TLS checked against {@code
 * stamp.sso.ca-file} when set, no redirects followed.
 */
public final class SsoClients {
  private SsoClients() {}

  public static HttpClient create(SsoSettings s) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(s.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1);
    if (s.caFile().isPresent()) {
      try {
        SSLContext tls = PemTls.trustOnly(s.caFile().get());
        b.sslContext(tls).sslParameters(PemTls.parameters(tls));
      } catch (RuntimeException e) {
        throw new SettingsException(
            "stamp.sso.ca-file " + s.caFile().get() + " cannot be used: " + e.getMessage(), e);
      }
    }
    return b.build();
  }
}
