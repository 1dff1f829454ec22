package com.sovereignstamp.appliance.residency;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * Where a connection goes: a host as given (a name, or an IP address without brackets) and a port.
 * Names are compared in lower case without a trailing dot.
 */
public record Destination(String host, int port) {
  public Destination {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("a destination needs a host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    host = HostName.normalize(host);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the port of " + host + " must be 1-65535");
    }
  }

  /**
   * The host and port an http or https URI connects to (the scheme's port when none is given).
   *
   * @throws IllegalArgumentException for another scheme, or a URI without a host
   */
  public static Destination of(URI uri) {
    String scheme = uri.getScheme();
    int defaultPort;
    if ("https".equalsIgnoreCase(scheme)) {
      defaultPort = 443;
    } else if ("http".equalsIgnoreCase(scheme)) {
      defaultPort = 80;
    } else {
      throw new IllegalArgumentException("only http and https destinations: " + scheme);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the destination has no host");
    }
    return new Destination(uri.getHost(), uri.getPort() == -1 ? defaultPort : uri.getPort());
  }

  /** The address, when the host is an IP address rather than a name. */
  public Optional<InetAddress> address() {
    return IpLiterals.parse(host);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
