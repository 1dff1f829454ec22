package com.sovereignstamp.appliance.persistence;

import java.util.Objects;

/**
 * Where the stamp's database is: an H2 ({@code jdbc:h2:}) or PostgreSQL ({@code jdbc:postgresql:})
 * URL, a user and a password (read from a file by the caller; may be empty for H2).
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
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
