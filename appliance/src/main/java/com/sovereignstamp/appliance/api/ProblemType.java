package com.sovereignstamp.appliance.api;

import java.net.URI;

/**
 * Every problem the API answers, with its status and title. The {@code type} URIs are stable:
 * clients may switch on them (docs/api.md lists them).
 */
public enum ProblemType {
  INVALID_REQUEST("invalid-request", 400, "The request is not valid"),
  INVALID_JSON("invalid-json", 400, "The request body is not valid JSON"),
  INVALID_CURSOR("invalid-cursor", 400, "The cursor is not one this API issued"),
  INCOMPLETE_UPLOAD("incomplete-upload", 400, "The content ended before it was complete"),
  UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required"),
  FORBIDDEN("forbidden", 403, "The token's roles do not allow this"),
  RESIDENCY_MISMATCH(
      "residency-mismatch", 403, "The caller's residency is not the region this stamp serves"),
  NOT_FOUND("not-found", 404, "No such resource"),
  UNKNOWN_COLLECTION("unknown-collection", 404, "No such collection"),
  UNKNOWN_DOCUMENT("unknown-document", 404, "No such document"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "The method is not allowed here"),
  NOT_ACCEPTABLE("not-acceptable", 406, "No representation matches the Accept header"),
  COLLECTION_EXISTS("collection-exists", 409, "A collection of that name exists already"),
  CONCURRENT_WRITE("concurrent-write", 409, "The document was written concurrently"),
  CONTENT_TOO_LARGE("content-too-large", 413, "The content is larger than this stamp accepts"),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type", 415, "The request's content type is not supported"),
  HEADERS_TOO_LARGE("headers-too-large", 431, "The request's headers are too large"),
  KEY_REVOKED("key-revoked", 403, "The customer's key is revoked for this stamp"),
  INTEGRITY_FAILURE("integrity-failure", 500, "Stored data failed its integrity check"),
  INTERNAL_ERROR("internal-error", 500, "The request failed on the server"),
  KEY_SERVICE_UNAVAILABLE(
      "key-service-unavailable", 503, "The customer's key cannot be used right now"),
  READ_ONLY("read-only", 503, "The stamp is read-only while its key service cannot be reached"),
  NOT_SERVED_WHILE_DEGRADED(
      "not-served-while-degraded",
      503,
      "The stamp is read-only and cannot serve this collection until its key service answers"),
  TOO_BUSY("too-busy", 503, "Too many transfers at once; try again shortly"),
  AUDIT_UNAVAILABLE("audit-unavailable", 503, "The audit log cannot record the operation"),
  STORAGE_UNAVAILABLE("storage-unavailable", 503, "The database cannot serve the request");

  /** The prefix of every problem type of the stamp (the bridge uses the same). */
  public static final String BASE = "https://sovereign-stamp.example/problems/";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public URI type() {
    return URI.create(BASE + slug);
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
