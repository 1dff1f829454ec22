package com.sovereignstamp.xks.client;

import com.sovereignstamp.sigv4.SigningSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Where an {@link XksClient} connects and how it authenticates. Build one with {@link #builder()};
 * the constructor checks every value.
 *
 * @param baseUrl scheme, host and port only, e.g. {@code https://127.0.0.1:8443}
 * @param uriPrefix the key store's path prefix, e.g. {@code /demo}, or empty
 * @param region the SigV4 region of the credential scope
 * @param accessKeyId the SigV4 access key id
 * @param secret the SigV4 secret access key
 * @param sslContext the TLS context ({@link PemTls}); required for {@code https}
 * @param requestTimeout the budget of one call, connection included (XKS: 250 ms)
 * @param clock the clock the signatures are dated with
 */
public record XksClientSettings(
    URI baseUrl,
    String uriPrefix,
    String region,
    String accessKeyId,
    SigningSecret secret,
    SSLContext sslContext,
    Duration requestTimeout,
    Clock clock) {
  /** The time an XKS client waits for a proxy before it gives up. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9_-]+)*");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]+");

  public XksClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("baseUrl must be http or https: " + baseUrl);
    }
    if (baseUrl.getHost() == null
        || baseUrl.getRawUserInfo() != null
        || !(baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty())
        || baseUrl.getRawQuery() != null
        || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must be scheme://host[:port] only: " + baseUrl);
    }
    uriPrefix = uriPrefix == null ? "" : uriPrefix;
    if (!PREFIX.matcher(uriPrefix).matches()) {
      throw new IllegalArgumentException("uriPrefix must be empty or like /name: " + uriPrefix);
    }
    if (region == null || !TOKEN.matcher(region).matches()) {
      throw new IllegalArgumentException("region must be a non-empty token");
    }
    if (accessKeyId == null || !TOKEN.matcher(accessKeyId).matches()) {
      throw new IllegalArgumentException("accessKeyId must be a non-empty token");
    }
    Objects.requireNonNull(secret, "secret");
    if ("https".equals(scheme) && sslContext == null) {
      throw new IllegalArgumentException("an https baseUrl needs an sslContext");
    }
    requestTimeout = requestTimeout == null ? DEFAULT_TIMEOUT : requestTimeout;
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same settings with another timeout. */
  public XksClientSettings withRequestTimeout(Duration timeout) {
    return new XksClientSettings(
        baseUrl, uriPrefix, region, accessKeyId, secret, sslContext, timeout, clock);
  }

  @Override
  public String toString() {
    return "XksClientSettings[baseUrl="
        + baseUrl
        + ", uriPrefix="
        + uriPrefix
        + ", region="
        + region
        + ", accessKeyId="
        + accessKeyId
        + ", secret=redacted, requestTimeout="
        + requestTimeout
        + "]";
  }

  /** Collects the settings; {@link #build()} validates them. */
  public static final class Builder {
    private URI baseUrl;
    private String uriPrefix = "";
    private String region;
    private String accessKeyId;
    private SigningSecret secret;
    private SSLContext sslContext;
    private Duration requestTimeout = DEFAULT_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder baseUrl(String url) {
      return baseUrl(URI.create(url));
    }

    public Builder baseUrl(URI url) {
      this.baseUrl = url;
      return this;
    }

    public Builder uriPrefix(String prefix) {
      this.uriPrefix = prefix;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder credentials(String accessKeyId, SigningSecret secret) {
      this.accessKeyId = accessKeyId;
      this.secret = secret;
      return this;
    }

    public Builder sslContext(SSLContext context) {
      this.sslContext = context;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public XksClientSettings build() {
      return new XksClientSettings(
          baseUrl, uriPrefix, region, accessKeyId, secret, sslContext, requestTimeout, clock);
    }
  }
}
