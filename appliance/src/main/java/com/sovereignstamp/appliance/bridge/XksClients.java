package com.sovereignstamp.appliance.bridge;

import com.sovereignstamp.appliance.config.BridgeSettings;
import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.appliance.egress.EgressRefusedException;
import com.sovereignstamp.appliance.egress.OutboundClients;
import com.sovereignstamp.appliance.residency.EgressPurpose;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.SecretFile;
import com.sovereignstamp.xks.client.ServerKeyPin;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;
import java.time.Duration;

/**
 * Builds the appliance's bridge client from its settings: SigV4 secret and client key from files
 * only the service's user can read, the bridge's certificate pinned (on top of its CA), the XKS
 * client's timeouts, retries and circuit breaker; its connections issued by the egress guard.
 */
public final class XksClients {
  private XksClients() {}

  /**
   * @throws EgressRefusedException if the residency policy does not allow the bridge
   */
  public static XksClient create(BridgeSettings s, OutboundClients outbound)
      throws EgressRefusedException {
    return create(s, s.timeout(), outbound);
  }

  /** A client like {@link #create(BridgeSettings, OutboundClients)}'s with another timeout. */
  public static XksClient create(
      BridgeSettings s, Duration requestTimeout, OutboundClients outbound)
      throws EgressRefusedException {
    XksClientSettings settings;
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
      settings = b.build();
    } catch (RuntimeException e) {
      throw new SettingsException(
          "stamp.bridge.*: the bridge client cannot be built: " + e.getMessage(), e);
    }
    return outbound.xksClient(settings, EgressPurpose.BRIDGE);
  }
}
