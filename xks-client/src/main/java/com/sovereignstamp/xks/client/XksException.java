package com.sovereignstamp.xks.client;

import java.util.Optional;

/**
 * A failed XKS call. For an error answer of the proxy, {@link #status()} is its HTTP status and
 * {@link #errorName()} its {@code errorName} (e.g. {@code KeyNotFoundException}); failures on this
 * side have status 0 or the status of the answer that could not be used, and one of the names
 * below.
 *
 * <p>The subclasses tell apart what a caller acts on differently: {@link XksUnreachableException},
 * {@link XksKeyRevokedException}, {@link XksRefusedException}, {@link XksKeyNotFoundException} and
 * {@link XksInvalidCiphertextException}; anything else is this class itself. The message never
 * holds key material, plaintext, a secret or a response body: at most the proxy's {@code
 * errorMessage} (printable ASCII, bounded) or the transport's own description.
 */
public class XksException extends RuntimeException {
  /** No answer within the request timeout (status 0). */
  public static final String CLIENT_TIMEOUT = "ClientTimeout";

  /** The connection or TLS handshake failed, or the call was interrupted (status 0). */
  public static final String TRANSPORT_FAILURE = "TransportFailure";

  /** The circuit breaker is open: the call was refused without touching the network (status 0). */
  public static final String CIRCUIT_OPEN = "CircuitOpen";

  /** The server's public key is not one of the pinned ones (status 0). */
  public static final String SERVER_KEY_NOT_PINNED = "ServerKeyNotPinned";

  /** The key's metadata says {@code keyStatus} is not {@code ENABLED} (status 200). */
  public static final String KEY_DISABLED = "KeyDisabled";

  /** An answer that is not the JSON the API defines (status as received). */
  public static final String MALFORMED_RESPONSE = "MalformedResponse";

  /** The integrity value is missing or does not match the ciphertext (status as received). */
  public static final String INTEGRITY_MISMATCH = "IntegrityValueMismatch";

  private static final int MAX_MESSAGE = 512;

  private final int status;
  private final String errorName;
  private final String errorMessage;
  private final String keyId;

  public XksException(int status, String errorName, String errorMessage) {
    this(status, errorName, errorMessage, null);
  }

  public XksException(int status, String errorName, String errorMessage, Throwable cause) {
    this(status, errorName, errorMessage, null, cause);
  }

  /**
   * @param keyId the external key id the call was about, or null; kept out of the message
   */
  protected XksException(
      int status, String errorName, String errorMessage, String keyId, Throwable cause) {
    super(describe(status, errorName, errorMessage), cause);
    this.status = status;
    this.errorName = errorName;
    this.errorMessage = errorMessage == null ? "" : printable(errorMessage);
    this.keyId = keyId;
  }

  public int status() {
    return status;
  }

  public String errorName() {
    return errorName;
  }

  /** The proxy's {@code errorMessage} (printable ASCII, at most 512 characters), or empty. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The external key id of the call, when it was a key operation (never in the message). */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  private static String describe(int status, String errorName, String errorMessage) {
    String text = "XKS " + (status == 0 ? "call" : "HTTP " + status) + " " + printable(errorName);
    return errorMessage == null || errorMessage.isEmpty()
        ? text
        : text + ": " + printable(errorMessage);
  }

  /** Keeps what can be shown safely: printable ASCII, bounded. */
  static String printable(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_MESSAGE));
    for (int i = 0; i < s.length() && sb.length() < MAX_MESSAGE; i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.toString();
  }
}
