package com.sovereignstamp.xks.client;

/**
 * A failed XKS call. For an error answer of the proxy, {@link #status()} is its HTTP status and
 * {@link #errorName()} its {@code errorName} (e.g. {@code KeyNotFoundException}); failures on this
 * side have status 0 or the status of the answer that could not be used, and one of the names
 * below.
 */
public final class XksException extends RuntimeException {
  /** No answer within the request timeout (status 0). */
  public static final String CLIENT_TIMEOUT = "ClientTimeout";

  /** The connection or TLS handshake failed, or the call was interrupted (status 0). */
  public static final String TRANSPORT_FAILURE = "TransportFailure";

  /** An answer that is not the JSON the API defines (status as received). */
  public static final String MALFORMED_RESPONSE = "MalformedResponse";

  /** The integrity value is missing or does not match the ciphertext (status as received). */
  public static final String INTEGRITY_MISMATCH = "IntegrityValueMismatch";

  private static final int MAX_MESSAGE = 512;

  private final int status;
  private final String errorName;
  private final String errorMessage;

  public XksException(int status, String errorName, String errorMessage) {
    this(status, errorName, errorMessage, null);
  }

  public XksException(int status, String errorName, String errorMessage, Throwable cause) {
    super(describe(status, errorName, errorMessage), cause);
    this.status = status;
    this.errorName = errorName;
    this.errorMessage = errorMessage == null ? "" : printable(errorMessage);
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
