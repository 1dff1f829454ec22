package com.sovereignstamp.bridge.xks;

/**
 * A refused XKS call. The message goes to the caller as {@code errorMessage}: it is printable
 * ASCII, under 512 characters, and never carries key material, plaintext or internal detail.
 */
public final class XksException extends RuntimeException {
  private static final int MAX_MESSAGE = 511;
  private final XksError error;
  private final String detail;

  public XksException(XksError error, String message) {
    this(error, message, "");
  }

  /**
   * @param detail what went wrong, for the bridge's own log and audit only
   */
  public XksException(XksError error, String message, String detail) {
    super(clean(message));
    this.error = error;
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }

  public XksError error() {
    return error;
  }

  private static String clean(String message) {
    StringBuilder sb = new StringBuilder(Math.min(message.length(), MAX_MESSAGE));
    for (int i = 0; i < message.length() && sb.length() < MAX_MESSAGE; i++) {
      char c = message.charAt(i);
      sb.append(c >= 0x20 && c <= 0x7e ? c : '?');
    }
    return sb.toString();
  }
}
