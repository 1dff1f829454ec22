package com.sovereignstamp.appliance.bridge;

import com.sovereignstamp.appliance.config.BridgeSettings;
import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.SecretFile;
import com.sovereignstamp.xks.client.ServerKeyPin;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;

/**
 * Builds the appliance's bridge client from its settings: SigV4 secret and client key from files
 * only the service's user can read, the bridge's certificate pinned (on top of its CA), the XKS
 * client's timeouts, retries and circuit breaker.
 */
public final class XksClients {
  private XksClients() {}

  public static XksClient create(BridgeSettings s) {
    return create(s, s.timeout());
  }

  /** A client like {@link #create(BridgeSettings)}'s with another request timeout (the watch). */
  public static XksClient create(BridgeSettings s, java.time.Duration requestTimeout) {
    try {
      XksClientSettings.Builder b =
          XksClientSettings.builder()
              .baseUrl(s.url())
              .uriPrefix(s.uriPrefix())
              .region(s.sigV4Region())
              .credentials(s.accessKeyId(), SecretFile.signingSecret(s.secretFile()))
              .requestTimeout(requestTimeout);
      if (s.url().startsWith("https://")) {
        b.tls(PemTls.material(s.caFile(), s.clientCertFile(), s.clientKeyFile()))
            .serverKeyPins(
                s.pinnedCertificateFiles().stream()
                    .map(ServerKeyPin::fromCertificateFile)
                    .toList());
      }
      return new XksClient(b.build());
    } catch (RuntimeException e) {
      throw new SettingsException(
          "stamp.bridge.*: the bridge client cannot be built: " + e.getMessage(), e);
    }
  }
}
