package com.sovereignstamp.appliance.residency;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals read without a name lookup: IPv4 in dotted-quad form only (no {@code 127.1},
 * no octal), IPv6 in RFC 4291 text form ({@code ::} once, an embedded IPv4 tail allowed, no zone).
 * An IPv4-mapped IPv6 address is the IPv4 address.
 */
final class IpLiterals {
  private static final Pattern OCTET =
      Pattern.compile("25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]");
  private static final Pattern HEXTET = Pattern.compile("[0-9A-Fa-f]{1,4}");

  private IpLiterals() {}

  static Optional<InetAddress> parse(String text) {
    byte[] bytes = text.indexOf(':') >= 0 ? v6(text) : v4(text);
    return bytes == null ? Optional.empty() : Optional.of(fromBytes(bytes));
  }

  /** The address of 4 or 16 bytes (no lookup). */
  static InetAddress fromBytes(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an address is 4 or 16 bytes", e);
    }
  }

  /** The address in its canonical text: IPv4 dotted quad, IPv6 as RFC 5952 (longest zeros ::). */
  static String text(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return address.getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
      } else {
        if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
          s.append(':');
        }
        s.append(Integer.toHexString(groups[i]));
      }
    }
    return s.toString();
  }

  private static byte[] v4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!OCTET.matcher(parts[i]).matches()) {
        return null;
      }
      out[i] = (byte) Integer.parseInt(parts[i]);
    }
    return out;
  }

  private static byte[] v6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap >= 0 ? text.substring(0, gap) : text;
    String tail = gap >= 0 ? text.substring(gap + 2) : "";
    byte[] front = groups(head, gap < 0);
    byte[] back = groups(tail, true);
    if (front == null || back == null) {
      return null;
    }
    int missing = 16 - front.length - back.length;
    if (gap < 0 ? missing != 0 : missing < 2) {
      return null;
    }
    byte[] out = new byte[16];
    System.arraycopy(front, 0, out, 0, front.length);
    System.arraycopy(back, 0, out, 16 - back.length, back.length);
    return out;
  }

  /** The bytes of colon-separated groups; the last one may be an IPv4 address if allowed. */
  private static byte[] groups(String text, boolean v4TailAllowed) {
    if (text.isEmpty()) {
      return new byte[0];
    }
    String[] parts = text.split(":", -1);
    byte[] out = new byte[parts.length * 2 + 2];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      if (i == parts.length - 1 && v4TailAllowed && parts[i].indexOf('.') >= 0) {
        byte[] v4 = v4(parts[i]);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, n, 4);
        n += 4;
      } else if (HEXTET.matcher(parts[i]).matches()) {
        int value = Integer.parseInt(parts[i], 16);
        out[n++] = (byte) (value >> 8);
        out[n++] = (byte) value;
      } else {
        return null;
      }
    }
    return n > 16 ? null : Arrays.copyOf(out, n);
  }
}
