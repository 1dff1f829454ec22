package com.sovereignstamp.xks.client;

import com.sovereignstamp.sigv4.SigningSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Where an {@link XksClient} connects, how it authenticates, and how hard it tries. Build one with
 * {@link #builder()}; the constructor checks every value. {@code docs/xks-client.md} explains each
 * setting and its default.
 *
 * @param baseUrl scheme, host and port only, e.g. {@code https://127.0.0.1:8443}
 * @param uriPrefix the key store's path prefix, e.g. {@code /demo}, or empty
 * @param region the SigV4 region of the credential scope
 * @param accessKeyId the SigV4 access key id
 * @param secret the SigV4 secret access key
 * @param sslContext a finished TLS context ({@link PemTls#mutual}); it cannot be pinned, so give
 *     {@code tls} instead when the bridge's key is pinned. Exactly one of the two for {@code https}
 * @param requestTimeout the budget of one attempt, connection included (XKS: 250 ms)
 * @param clock the wall clock the signatures are dated with
 * @param tls the TLS material ({@link PemTls#material}) the client builds its context from, with
 *     the pins; or null when {@code sslContext} is given
 * @param serverKeyPins the bridge keys accepted (any one of them); empty = CA trust alone
 * @param retry attempts, backoff and total budget of one call
 * @param circuitBreaker when to stop calling an unreachable bridge for a while
 */
public record XksClientSettings(
    URI baseUrl,
    String uriPrefix,
    String region,
    String accessKeyId,
    SigningSecret secret,
    SSLContext sslContext,
    Duration requestTimeout,
    Clock clock,
    TlsMaterial tls,
    List<ServerKeyPin> serverKeyPins,
    RetryPolicy retry,
    CircuitBreakerPolicy circuitBreaker) {
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
    serverKeyPins = serverKeyPins == null ? List.of() : List.copyOf(serverKeyPins);
    checkTls("https".equals(scheme), sslContext, tls, serverKeyPins);
    requestTimeout = requestTimeout == null ? DEFAULT_TIMEOUT : requestTimeout;
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    clock = clock == null ? Clock.systemUTC() : clock;
    retry = retry == null ? RetryPolicy.defaults() : retry;
    circuitBreaker = circuitBreaker == null ? CircuitBreakerPolicy.defaults() : circuitBreaker;
  }

  /** The settings of earlier versions: no pins, the default retry policy and circuit breaker. */
  public XksClientSettings(
      URI baseUrl,
      String uriPrefix,
      String region,
      String accessKeyId,
      SigningSecret secret,
      SSLContext sslContext,
      Duration requestTimeout,
      Clock clock) {
    this(
        baseUrl,
        uriPrefix,
        region,
        accessKeyId,
        secret,
        sslContext,
        requestTimeout,
        clock,
        null,
        List.of(),
        null,
        null);
  }

  private static void checkTls(
      boolean https, SSLContext sslContext, TlsMaterial tls, List<ServerKeyPin> pins) {
    if (sslContext != null && tls != null) {
      throw new IllegalArgumentException("give either an sslContext or tls material, not both");
    }
    if (https && sslContext == null && tls == null) {
      throw new IllegalArgumentException("an https baseUrl needs an sslContext or tls material");
    }
    if (!pins.isEmpty() && !https) {
      throw new IllegalArgumentException("server key pins need an https baseUrl");
    }
    if (!pins.isEmpty() && tls == null) {
      throw new IllegalArgumentException(
          "server key pins need tls material (PemTls.material), not a finished sslContext");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same settings with another timeout. */
  public XksClientSettings withRequestTimeout(Duration timeout) {
    return new XksClientSettings(
        baseUrl,
        uriPrefix,
        region,
        accessKeyId,
        secret,
        sslContext,
        timeout,
        clock,
        tls,
        serverKeyPins,
        retry,
        circuitBreaker);
  }

  /** The most one call may take: {@link RetryPolicy#totalBudgetFor} this request timeout. */
  public Duration totalBudget() {
    return retry.totalBudgetFor(requestTimeout);
  }

  /**
   * The context the client uses: {@code sslContext}, or one built from {@code tls} and the pins.
   */
  SSLContext effectiveSslContext() {
    return tls != null ? tls.sslContext(serverKeyPins) : sslContext;
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
        + ", tls="
        + (tls != null ? tls : sslContext != null ? "sslContext" : "none")
        + ", serverKeyPins="
        + serverKeyPins
        + ", retry="
        + retry
        + ", totalBudget="
        + totalBudget()
        + ", circuitBreaker="
        + circuitBreaker
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
    private TlsMaterial tls;
    private List<ServerKeyPin> serverKeyPins = List.of();
    private RetryPolicy retry = RetryPolicy.defaults();
    private CircuitBreakerPolicy circuitBreaker = CircuitBreakerPolicy.defaults();

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

    /** A finished TLS context (cannot be combined with pins); replaces any {@link #tls}. */
    public Builder sslContext(SSLContext context) {
      this.sslContext = context;
      this.tls = null;
      return this;
    }

    /** TLS material the client builds its context from, with the pins; replaces any context. */
    public Builder tls(TlsMaterial material) {
      this.tls = material;
      this.sslContext = null;
      return this;
    }

    /** The accepted bridge keys (any one matches); several allow a rotation without downtime. */
    public Builder serverKeyPins(Collection<ServerKeyPin> pins) {
      this.serverKeyPins = List.copyOf(pins);
      return this;
    }

    public Builder serverKeyPins(ServerKeyPin... pins) {
      return serverKeyPins(Arrays.asList(pins));
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder retry(RetryPolicy policy) {
      this.retry = policy;
      return this;
    }

    public Builder circuitBreaker(CircuitBreakerPolicy policy) {
      this.circuitBreaker = policy;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public XksClientSettings build() {
      return new XksClientSettings(
          baseUrl,
          uriPrefix,
          region,
          accessKeyId,
          secret,
          sslContext,
          requestTimeout,
          clock,
          tls,
          serverKeyPins,
          retry,
          circuitBreaker);
    }
  }
}
