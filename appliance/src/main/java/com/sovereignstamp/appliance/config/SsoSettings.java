package com.sovereignstamp.appliance.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The stamp's identity provider as the API sees it: the only issuer whose tokens it accepts, the
 * audience they must name, where the issuer publishes its signing keys (JWKS) and the local file
 * the appliance mirrors them into for MicroProfile JWT ({@code mp.jwt.verify.publickey.location}).
 *
 * @param issuer {@code mp.jwt.verify.issuer}
 * @param audiences {@code mp.jwt.verify.audiences}
 * @param jwksUrl {@code stamp.sso.jwks-url} (default: the issuer's OpenID Connect certs endpoint)
 * @param caFile {@code stamp.sso.ca-file}: the CA the identity provider's TLS certificate is
 *     checked against (default: the JVM's trust store)
 * @param jwksFile the file of {@code mp.jwt.verify.publickey.location} (a {@code file:} URL)
 * @param refreshInterval {@code stamp.sso.jwks-refresh}: how often the keys are fetched again
 * @param timeout {@code stamp.sso.timeout}: connect and response time of one fetch
 */
public record SsoSettings(
    String issuer,
    List<String> audiences,
    URI jwksUrl,
    Optional<Path> caFile,
    Path jwksFile,
    Duration refreshInterval,
    Duration timeout) {
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public SsoSettings {
    audiences = List.copyOf(audiences);
  }

  /** The certs endpoint of an OpenID Connect issuer such as Keycloak's realm. */
  public static URI defaultJwksUrl(String issuer) {
    return URI.create(
        (issuer.endsWith("/") ? issuer : issuer + "/") + "protocol/openid-connect/certs");
  }
}
