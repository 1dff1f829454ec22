package com.sovereignstamp.appliance.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the appliance reaches the HSM bridge (keys {@code stamp.bridge.*}).
 *
 * @param url scheme, host and port of the bridge's XKS listener
 * @param uriPrefix the key store's path prefix
 * @param sigV4Region the region of the SigV4 credential scope
 * @param accessKeyId the SigV4 access key id
 * @param secretFile the SigV4 secret, in a file only the service's user can read
 * @param caFile the CA that issued the bridge's server certificate (PEM)
 * @param pinnedCertificateFiles the bridge certificates accepted (PEM), empty: any from the CA
 * @param clientCertFile the appliance's client certificate chain (PEM)
 * @param clientKeyFile its private key (PKCS#8 PEM), only the service's user can read it
 * @param timeout the budget of one bridge call
 * @param principalArn the appliance's workload identity sent as {@code awsPrincipalArn}
 * @param cmkKeyId the customer key (XKS external key id) collection keys are wrapped under
 */
public record BridgeSettings(
    String url,
    String uriPrefix,
    String sigV4Region,
    String accessKeyId,
    Path secretFile,
    Path caFile,
    List<Path> pinnedCertificateFiles,
    Path clientCertFile,
    Path clientKeyFile,
    Duration timeout,
    String principalArn,
    String cmkKeyId) {}
