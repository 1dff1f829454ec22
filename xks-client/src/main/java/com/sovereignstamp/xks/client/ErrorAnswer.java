package com.sovereignstamp.xks.client;

import jakarta.json.JsonObject;
import java.util.Set;

/**
 * Turns a non-2xx answer into the {@link XksException} subclass a caller acts on. The table, in
 * order of precedence:
 *
 * <ul>
 *   <li>HTTP 401 or 403, whatever the body → {@link XksRefusedException}
 *   <li>{@code InvalidStateException} → {@link XksKeyRevokedException}
 *   <li>{@code KeyNotFoundException} → {@link XksKeyNotFoundException}
 *   <li>{@code InvalidCiphertextException} → {@link XksInvalidCiphertextException}
 *   <li>{@code DependencyTimeoutException}, or HTTP 502/503/504 without an XKS error body → {@link
 *       XksUnreachableException}
 *   <li>anything else → {@link XksException}
 * </ul>
 *
 * Only the {@code errorName} and the bounded {@code errorMessage} reach the exception, never the
 * body.
 */
final class ErrorAnswer {
  /** The errorName of an error answer whose body is not the API's error object. */
  static final String UNEXPECTED = "UnexpectedResponse";

  static final String INVALID_STATE = "InvalidStateException";
  static final String KEY_NOT_FOUND = "KeyNotFoundException";
  static final String INVALID_CIPHERTEXT = "InvalidCiphertextException";
  static final String DEPENDENCY_TIMEOUT = "DependencyTimeoutException";
  private static final Set<Integer> GATEWAY_STATUSES = Set.of(502, 503, 504);

  private ErrorAnswer() {}

  static XksException toException(int status, byte[] body) {
    return toException(status, body, null);
  }

  /**
   * @param keyId the key id of the call, or null for health and raw requests
   */
  static XksException toException(int status, byte[] body, String keyId) {
    String name;
    String message;
    try {
      JsonObject json = Json.read(status, body);
      name = Json.string(status, json, "errorName");
      message = Json.optionalString(status, json, "errorMessage");
    } catch (XksException notXks) {
      name = UNEXPECTED;
      message = "the error answer is not an XKS error object";
    }
    return classify(status, name, message, keyId);
  }

  static XksException classify(int status, String name, String message, String keyId) {
    if (status == 401 || status == 403) {
      return new XksRefusedException(status, name, message, keyId);
    }
    switch (name) {
      case INVALID_STATE:
        return new XksKeyRevokedException(status, name, message, keyId);
      case KEY_NOT_FOUND:
        return new XksKeyNotFoundException(status, name, message, keyId);
      case INVALID_CIPHERTEXT:
        return new XksInvalidCiphertextException(status, name, message, keyId);
      case DEPENDENCY_TIMEOUT:
        return answeredUnreachable(status, name, message, keyId);
      case UNEXPECTED:
        if (GATEWAY_STATUSES.contains(status)) {
          return answeredUnreachable(status, name, message, keyId);
        }
        return new XksException(status, name, message, keyId, null);
      default:
        return new XksException(status, name, message, keyId, null);
    }
  }

  /** An answer was received, so the request was sent; answers are never retried. */
  private static XksException answeredUnreachable(
      int status, String name, String message, String keyId) {
    return new XksUnreachableException(status, name, message, keyId, true, false, null);
  }
}
