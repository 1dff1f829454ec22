package com.sovereignstamp.xks.client;

/**
 * The key service could not be reached in time: no connection, a failed TLS handshake, a server
 * whose key is not pinned, no answer within the timeout ({@link #CLIENT_TIMEOUT}), an open circuit
 * breaker ({@link #CIRCUIT_OPEN}, no network touched), a gateway in front of the bridge answering
 * 502/503/504 without an XKS error, or the bridge reporting that its HSM did not answer ({@code
 * DependencyTimeoutException}). Transient by nature: the stamp goes to {@code DEGRADED_READ_ONLY},
 * not {@code REVOKED}.
 */
public class XksUnreachableException extends XksException {
  private final boolean requestMayHaveBeenSent;
  private final boolean worthRetrying;

  /**
   * @param requestMayHaveBeenSent false only when the request certainly never left this process
   */
  public XksUnreachableException(
      int status,
      String errorName,
      String errorMessage,
      boolean requestMayHaveBeenSent,
      Throwable cause) {
    this(status, errorName, errorMessage, null, requestMayHaveBeenSent, true, cause);
  }

  XksUnreachableException(
      int status,
      String errorName,
      String errorMessage,
      String keyId,
      boolean requestMayHaveBeenSent,
      boolean worthRetrying,
      Throwable cause) {
    super(status, errorName, errorMessage, keyId, cause);
    this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    this.worthRetrying = worthRetrying;
  }

  /**
   * False only when the request certainly never reached the network (connection refused, TLS
   * handshake failed, circuit open): then even an encrypt had no effect at the bridge.
   */
  public boolean requestMayHaveBeenSent() {
    return requestMayHaveBeenSent;
  }

  /** False for failures that another attempt cannot cure (a refused server certificate). */
  boolean worthRetrying() {
    return worthRetrying;
  }
}
