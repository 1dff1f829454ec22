package com.sovereignstamp.bench;

import java.util.Map;

/**
 * One side of the appliance comparison: where its documents live and what every request carries.
 * The appliance's API takes a bearer token; the bare baseline, deployed in the same server,
 * nothing; the token-checked baseline the same store behind the API's bearer-token check.
 */
final class DocumentEndpoint {
  static final String API = "api";

  /** The bare baseline: no token. */
  static final String BASELINE = "baseline";

  /** The same baseline store behind the same bearer-token check as the API. */
  static final String BASELINE_TOKEN = "baseline-token";

  private final String name;
  private final String pathPrefix;
  private final Map<String, String> headers;

  private DocumentEndpoint(String name, String pathPrefix, Map<String, String> headers) {
    this.name = name;
    this.pathPrefix = pathPrefix;
    this.headers = headers;
  }

  /** {@code /api/v1/collections/{collection}/documents/{id}} with the token. */
  static DocumentEndpoint api(String collection, String token) {
    return new DocumentEndpoint(
        API,
        "/api/v1/collections/" + collection + "/documents/",
        Map.of("Authorization", "Bearer " + token));
  }

  /** {@code /baseline/documents/{id}}, no credentials. */
  static DocumentEndpoint baseline() {
    return new DocumentEndpoint(BASELINE, "/baseline/documents/", Map.of());
  }

  /**
   * {@code /baseline/authenticated/documents/{id}}: the baseline behind the same MicroProfile JWT
   * check as the API, with the same token.
   */
  static DocumentEndpoint authenticatedBaseline(String token) {
    return new DocumentEndpoint(
        BASELINE_TOKEN,
        "/baseline/authenticated/documents/",
        Map.of("Authorization", "Bearer " + token));
  }

  String name() {
    return name;
  }

  String path(String documentId) {
    return pathPrefix + documentId;
  }

  /** The headers every request of this side carries (the token, for the API). */
  Map<String, String> headers() {
    return headers;
  }

  byte[] put(Target target, String documentId, byte[] body) {
    return HttpRequestBytes.put(
        path(documentId), target.hostHeader(), DocumentWorkloads.CONTENT_TYPE, headers, body);
  }

  byte[] get(Target target, String documentId) {
    return HttpRequestBytes.get(path(documentId), target.hostHeader(), headers);
  }

  /** The name and path only: never the token. */
  @Override
  public String toString() {
    return name + " " + pathPrefix;
  }
}
