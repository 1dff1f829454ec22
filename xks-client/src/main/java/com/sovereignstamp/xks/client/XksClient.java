package com.sovereignstamp.xks.client;

import com.sovereignstamp.xks.client.XksAnswers.Answer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A client of one XKS key store (base URL, prefix, credentials). Thread-safe; one instance keeps
 * its connections alive, so share it and {@link #close()} it when done.
 */
public final class XksClient implements AutoCloseable {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final XksClientSettings settings;
  private final XksTransport transport;
  private final XksBodies bodies;

  public XksClient(XksClientSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = new XksTransport(settings);
    this.bodies = new XksBodies(settings.region());
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
    return XksAnswers.keyMetadata(post(keyPath(keyId, "metadata"), bodies.metadata(keyId, md)));
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
    Answer a = post(path, bodies.encrypt(keyId, plaintext, aadOrNull, requestIntegrityValue, md));
    return XksAnswers.encryptResult(a, aadOrNull, requestIntegrityValue);
  }

  public byte[] decrypt(String keyId, XksCiphertext ciphertext, byte[] aadOrNull) {
    return decrypt(keyId, ciphertext, aadOrNull, RequestMetadata.defaults());
  }

  public byte[] decrypt(
      String keyId, XksCiphertext ciphertext, byte[] aadOrNull, RequestMetadata md) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Answer a = post(keyPath(keyId, "decrypt"), bodies.decrypt(keyId, ciphertext, aadOrNull, md));
    return a.bytes("plaintext");
  }

  public Health health() {
    return health(RequestMetadata.defaults());
  }

  public Health health(RequestMetadata md) {
    return XksAnswers.health(post(apiPath() + "/health", bodies.health(md)));
  }

  /**
   * Sends any request as given, for tests of malformed requests; never throws for an HTTP status.
   *
   * @param pathAfterBase e.g. {@code /demo/kms/xks/v1/health}, optionally with a query
   * @param extraHeaders set after signing, replacing headers of the same name; java.net.http
   *     refuses to set {@code Host}, {@code Content-Length} and a few others
   * @param sign whether to sign over host, content-type and x-amz-date
   * @throws XksException on a timeout or a transport failure
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

  /** Posts a signed body (zeroed afterwards) and returns the JSON of a 2xx answer. */
  private Answer post(String path, byte[] body) {
    HttpResponse<byte[]> r;
    try {
      r = transport.exchange("POST", path, Map.of(), body, true);
    } finally {
      Arrays.fill(body, (byte) 0);
    }
    byte[] received = r.body() == null ? new byte[0] : r.body();
    try {
      if (r.statusCode() < 200 || r.statusCode() > 299) {
        throw ErrorAnswer.toException(r.statusCode(), received);
      }
      return new Answer(r.statusCode(), Json.read(r.statusCode(), received));
    } finally {
      Arrays.fill(received, (byte) 0);
    }
  }
}
