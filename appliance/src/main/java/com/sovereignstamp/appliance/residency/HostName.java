package com.sovereignstamp.appliance.residency;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DNS host name (RFC 1123), lower case, without a trailing dot. Wildcards are not names: list
 * each host.
 */
public record HostName(String name) implements EgressHost {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  public HostName {
    if (!isHostName(name)) {
      throw new IllegalArgumentException(
          "\"" + name + "\" is not a host name, an IP address or a CIDR block");
    }
  }

  /** Reads a name as written (any case, an optional trailing dot). */
  public static HostName parse(String text) {
    return new HostName(normalize(text));
  }

  /** The form names are compared in: lower case, no trailing dot. */
  static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static boolean isHostName(String name) {
    if (name == null || name.isEmpty() || name.length() > 253) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    // no top-level domain is all digits: "127.1" or "10.0.0.256" is a broken address, not a name
    return !DIGITS.matcher(labels[labels.length - 1]).matches();
  }

  @Override
  public String toString() {
    return name;
  }
}
