package com.sovereignstamp.bridge.xks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed XKS URI path: {@code [/PREFIX]/kms/xks/v1/keys/KEY_ID/OPERATION} or {@code
 * [/PREFIX]/kms/xks/v1/health}. The path is matched as sent, before any decoding, against the
 * character sets the specification allows, so percent-escapes, dot segments and doubled slashes
 * never reach a lookup.
 *
 * @param prefix the URI path prefix ("" when there is none)
 * @param operation the operation named by the path
 * @param keyId the external key id, empty for health
 */
public record XksPath(String prefix, XksOperation operation, Optional<String> keyId) {
  private static final int MAX_URI_PATH = 128 + 128 + 20;
  private static final Pattern PATH =
      Pattern.compile(
          "((?:/[A-Za-z0-9_-]+)*)/kms/xks/v1/"
              + "(?:keys/([A-Za-z0-9._-]{1,128})/(metadata|encrypt|decrypt)|(health))");

  /** Parses a raw request path; anything else is {@code InvalidUriPathException}. */
  public static XksPath parse(String rawPath) {
    if (rawPath == null || rawPath.length() > MAX_URI_PATH) {
      throw invalid();
    }
    Matcher m = PATH.matcher(rawPath);
    if (!m.matches()) {
      throw invalid();
    }
    String prefix = m.group(1);
    if (m.group(4) != null) {
      return new XksPath(prefix, XksOperation.HEALTH, Optional.empty());
    }
    String keyId = m.group(2);
    if (keyId.equals(".") || keyId.equals("..")) {
      throw invalid();
    }
    XksOperation op = XksOperation.valueOf(m.group(3).toUpperCase(java.util.Locale.ROOT));
    return new XksPath(prefix, op, Optional.of(keyId));
  }

  /** The parsed path, or empty when it is not a valid XKS path. */
  public static Optional<XksPath> tryParse(String rawPath) {
    try {
      return Optional.of(parse(rawPath));
    } catch (XksException notXks) {
      return Optional.empty();
    }
  }

  /** Whether a raw path lies in the XKS API (so a non-POST method there gets 405). */
  public static boolean isXksPath(String rawPath) {
    return rawPath != null && rawPath.contains("/kms/xks/v1/");
  }

  private static XksException invalid() {
    return new XksException(XksError.INVALID_URI_PATH, "The URI path is not a valid XKS path.");
  }
}
