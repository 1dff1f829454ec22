package com.sovereignstamp.appliance.bridge;

import com.sovereignstamp.appliance.config.BridgeSettings;
import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.sigv4.SigningSecret;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Builds the appliance's bridge client from its settings. */
public final class XksClients {
  private XksClients() {}

  public static XksClient create(BridgeSettings s) {
    try {
      XksClientSettings.Builder b =
          XksClientSettings.builder()
              .baseUrl(s.url())
              .uriPrefix(s.uriPrefix())
              .region(s.sigV4Region())
              .credentials(
                  s.accessKeyId(),
                  SigningSecret.of(
                      Files.readString(s.secretFile(), StandardCharsets.UTF_8).strip()))
              .requestTimeout(s.timeout());
      if (s.url().startsWith("https://")) {
        b.sslContext(PemTls.mutual(s.caFile(), s.clientCertFile(), s.clientKeyFile()));
      }
      return new XksClient(b.build());
    } catch (IOException | RuntimeException e) {
      throw new SettingsException(
          "stamp.bridge.*: the bridge client cannot be built: " + e.getMessage(), e);
    }
  }
}
