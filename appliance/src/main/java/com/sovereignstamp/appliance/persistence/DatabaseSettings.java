package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.residency.Destination;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where the stamp's database is: an H2 ({@code jdbc:h2:}) or PostgreSQL ({@code jdbc:postgresql:})
 * URL, a user and a password (read from a file by the caller; may be empty for H2).
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
  private static final String PG_PORT = "5432";
  private static final String H2_PORT = "9092";

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!isH2(jdbcUrl) && !isPostgreSql(jdbcUrl)) {
      throw new IllegalArgumentException(
          "the database URL must be PostgreSQL (jdbc:postgresql:) or H2 (jdbc:h2:)");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (poolSize < 1) {
      throw new IllegalArgumentException("the pool size must be at least 1");
    }
  }

  public boolean isH2() {
    return isH2(jdbcUrl);
  }

  /**
   * The hosts and ports the connections go to, as the driver reads the URL (PostgreSQL's query
   * parameters can name other hosts than the URL's authority); none for an embedded H2 database.
   *
   * @throws IllegalArgumentException if the driver cannot read the URL
   */
  public List<Destination> endpoints() {
    if (isH2()) {
      return h2Endpoints(jdbcUrl);
    }
    Properties p = Driver.parseURL(jdbcUrl, null);
    if (p == null) {
      throw new IllegalArgumentException("the PostgreSQL driver cannot read the database URL");
    }
    String[] hosts = p.getProperty("PGHOST", "").split(",", -1);
    String[] ports = p.getProperty("PGPORT", "").split(",", -1);
    List<Destination> out = new ArrayList<>();
    for (int i = 0; i < hosts.length; i++) {
      String host = hosts[i].isEmpty() ? "localhost" : hosts[i];
      String port = i < ports.length && !ports[i].isEmpty() ? ports[i] : PG_PORT;
      out.add(new Destination(host, Integer.parseInt(port)));
    }
    return List.copyOf(out);
  }

  /** {@code jdbc:h2:tcp://host[:port][,host[:port]]/…} and {@code ssl:}; embedded: none. */
  private static List<Destination> h2Endpoints(String url) {
    String rest = url.substring("jdbc:h2:".length());
    if (!rest.startsWith("tcp://") && !rest.startsWith("ssl://")) {
      return List.of();
    }
    String authority = rest.substring("tcp://".length()).split("/", 2)[0];
    List<Destination> out = new ArrayList<>();
    for (String server : authority.split(",")) {
      int colon = server.lastIndexOf(':');
      boolean hasPort = colon > server.lastIndexOf(']');
      out.add(
          new Destination(
              hasPort ? server.substring(0, colon) : server,
              Integer.parseInt(hasPort ? server.substring(colon + 1) : H2_PORT)));
    }
    return List.copyOf(out);
  }

  static boolean isH2(String url) {
    return url.startsWith("jdbc:h2:");
  }

  static boolean isPostgreSql(String url) {
    return url.startsWith("jdbc:postgresql:");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", password=redacted]";
  }
}
