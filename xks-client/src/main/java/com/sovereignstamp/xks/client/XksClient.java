package com.sovereignstamp.xks.client;

import com.sovereignstamp.xks.client.XksAnswers.Answer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * A client of one XKS key store (base URL, prefix, credentials). Thread-safe; one instance keeps
 * its connections alive and holds the circuit breaker, so share it and {@link #close()} it when
 * done.
 *
 * <p>The typed calls (metadata, encrypt, decrypt, health) go through the circuit breaker and are
 * retried where it is safe ({@link RetryPolicy}, {@link CircuitBreakerPolicy}): a request that
 * never left is retried for every operation; one that may have reached the bridge only for
 * metadata, health and decrypt, never for encrypt. Failures are {@link XksException}s, of the
 * subclass that says what happened. The raw {@link #send} bypasses retries and breaker.
 */
public final class XksClient implements AutoCloseable {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final XksClientSettings settings;
  private final XksTransport transport;
  private final XksBodies bodies;
  private final CircuitBreaker breaker;
  private final ResilientExchange exchange;

  /** A client that connects directly ({@link HttpConnector#DIRECT}): tools and tests. */
  public XksClient(XksClientSettings settings) {
    this(settings, HttpConnector.DIRECT);
  }

  /**
   * @param connector builds the HTTP client the calls go through (the appliance's egress guard)
   */
  public XksClient(XksClientSettings settings, HttpConnector connector) {
    this(settings, connector, MonotonicTime.system(), XksClient::randomJitter);
  }

  /**
   * @param time the monotonic clock and sleeper of the budget, backoff and breaker (tests)
   */
  public XksClient(XksClientSettings settings, MonotonicTime time) {
    this(settings, HttpConnector.DIRECT, time, XksClient::randomJitter);
  }

  /**
   * @param jitter fractions in [0, 1] that scale each backoff (tests make them predictable)
   */
  XksClient(XksClientSettings settings, MonotonicTime time, DoubleSupplier jitter) {
    this(settings, HttpConnector.DIRECT, time, jitter);
  }

  private XksClient(
      XksClientSettings settings,
      HttpConnector connector,
      MonotonicTime time,
      DoubleSupplier jitter) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(time, "time");
    this.transport = new XksTransport(settings, connector);
    this.bodies = new XksBodies(settings.region());
    this.breaker = new CircuitBreaker(settings.circuitBreaker(), time);
    this.exchange = new ResilientExchange(transport, breaker, settings, time, jitter);
  }

  private static double randomJitter() {
    return ThreadLocalRandom.current().nextDouble();
  }

  /** The circuit breaker's state now, for health checks and metrics. */
  public CircuitState circuitState() {
    return breaker.state();
  }

  public XksClientSettings settings() {
    return settings;
  }

  /** The API path of this key store, e.g. {@code /demo/kms/xks/v1}. */
  public String apiPath() {
    return settings.uriPrefix() + "/kms/xks/v1";
  }

  public KeyMetadata metadata(String keyId) {
    return metadata(keyId, RequestMetadata.defaults());
  }

  public KeyMetadata metadata(String keyId, RequestMetadata md) {
    return XksAnswers.keyMetadata(
        post(keyPath(keyId, "metadata"), bodies.metadata(keyId, md), keyId, true));
  }

  /**
   * The key's metadata, provided its {@code keyStatus} is {@code ENABLED}.
   *
   * @throws XksKeyRevokedException ({@link XksException#KEY_DISABLED}, status 200) when the bridge
   *     reports the key disabled, which is how it reports a revoked key
   */
  public KeyMetadata requireEnabled(String keyId) {
    return requireEnabled(keyId, RequestMetadata.defaults());
  }

  /** {@link #requireEnabled(String)} with the caller's request metadata. */
  public KeyMetadata requireEnabled(String keyId, RequestMetadata md) {
    KeyMetadata metadata = metadata(keyId, md);
    if (!metadata.enabled()) {
      throw new XksKeyRevokedException(
          200,
          XksException.KEY_DISABLED,
          "keyStatus is " + XksException.printable(metadata.keyStatus()),
          keyId);
    }
    return metadata;
  }

  public EncryptResult encrypt(
      String keyId, byte[] plaintext, byte[] aadOrNull, boolean requestIntegrityValue) {
    return encrypt(keyId, plaintext, aadOrNull, requestIntegrityValue, RequestMetadata.defaults());
  }

  /**
   * Encrypts; when an integrity value is requested, checks it here before returning.
   *
   * @throws XksException {@link XksException#INTEGRITY_MISMATCH} when it is missing or wrong
   */
  public EncryptResult encrypt(
      String keyId,
      byte[] plaintext,
      byte[] aadOrNull,
      boolean requestIntegrityValue,
      RequestMetadata md) {
    Objects.requireNonNull(plaintext, "plaintext");
    String path = keyPath(keyId, "encrypt");
    Answer a =
        post(
            path,
            bodies.encrypt(keyId, plaintext, aadOrNull, requestIntegrityValue, md),
            keyId,
            false);
    return XksAnswers.encryptResult(a, aadOrNull, requestIntegrityValue);
  }

  public byte[] decrypt(String keyId, XksCiphertext ciphertext, byte[] aadOrNull) {
    return decrypt(keyId, ciphertext, aadOrNull, RequestMetadata.defaults());
  }

  public byte[] decrypt(
      String keyId, XksCiphertext ciphertext, byte[] aadOrNull, RequestMetadata md) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Answer a =
        post(
            keyPath(keyId, "decrypt"),
            bodies.decrypt(keyId, ciphertext, aadOrNull, md),
            keyId,
            true);
    return a.bytes("plaintext");
  }

  public Health health() {
    return health(RequestMetadata.defaults());
  }

  public Health health(RequestMetadata md) {
    return XksAnswers.health(post(apiPath() + "/health", bodies.health(md), null, true));
  }

  /**
   * Sends any request as given, for tests of malformed requests; never throws for an HTTP status.
   * One attempt within the request timeout, outside the circuit breaker.
   *
   * @param pathAfterBase e.g. {@code /demo/kms/xks/v1/health}, optionally with a query
   * @param extraHeaders set after signing, replacing headers of the same name; java.net.http
   *     refuses to set {@code Host}, {@code Content-Length} and a few others
   * @param sign whether to sign over host, content-type and x-amz-date
   * @throws XksUnreachableException on a timeout or a transport failure
   */
  public XksRawResponse send(
      String method,
      String pathAfterBase,
      Map<String, String> extraHeaders,
      byte[] body,
      boolean sign) {
    HttpResponse<byte[]> r =
        transport.exchange(
            method, pathAfterBase, extraHeaders == null ? Map.of() : extraHeaders, body, sign);
    return new XksRawResponse(r.statusCode(), r.headers().map(), r.body());
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "XksClient[" + settings + "]";
  }

  private String keyPath(String keyId, String operation) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("an external key id is 1-128 of [A-Za-z0-9._-]");
    }
    return apiPath() + "/keys/" + keyId + "/" + operation;
  }

  /**
   * Posts a signed body (zeroed afterwards) and returns the JSON of a 2xx answer.
   *
   * @param keyId the key the call is about (carried by the exceptions), or null
   * @param idempotent whether it may be retried once the request may have reached the bridge
   */
  private Answer post(String path, byte[] body, String keyId, boolean idempotent) {
    HttpResponse<byte[]> r;
    try {
      r = exchange.post(path, body, idempotent);
    } finally {
      Arrays.fill(body, (byte) 0);
    }
    byte[] received = r.body() == null ? new byte[0] : r.body();
    try {
      if (r.statusCode() < 200 || r.statusCode() > 299) {
        throw ErrorAnswer.toException(r.statusCode(), received, keyId);
      }
      return new Answer(r.statusCode(), Json.read(r.statusCode(), received));
    } finally {
      Arrays.fill(received, (byte) 0);
    }
  }
}
