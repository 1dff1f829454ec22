package com.sovereignstamp.bench.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the baseline keeps its rows: the appliance's own database settings ({@code stamp.db.url},
 * {@code stamp.db.user}, {@code stamp.db.password-file}, {@code stamp.db.pool-size}, which {@code
 * bin/run-appliance} passes to the whole server as system properties), so that both measure the
 * same database, and the appliance's region as the rows' residency label.
 */
record BaselineSettings(
    String jdbcUrl, String user, String password, int poolSize, int poolMin, String residency) {
  static final int DEFAULT_POOL_SIZE = 16;

  /**
   * Benchmark-only: the pool's minimum (default: its size, so it keeps every connection); 1 gives
   * the baseline the appliance's pool, which disconnects every connection above the minimum when it
   * is returned.
   */
  static final String POOL_MIN = "bench.baseline.pool-min";

  BaselineSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException("stamp.db.url must be PostgreSQL or H2");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("stamp.db.pool-size must be at least 1");
    }
    if (poolMin < 1 || poolMin > poolSize) {
      throw new IllegalArgumentException(POOL_MIN + " must be 1 to stamp.db.pool-size");
    }
  }

  /**
   * @param config a setting by key, empty when not set
   */
  static BaselineSettings from(Function<String, Optional<String>> config) {
    String url =
        config
            .apply("stamp.db.url")
            .orElseThrow(() -> new IllegalArgumentException("stamp.db.url is not set"));
    String password =
        config.apply("stamp.db.password-file").map(BaselineSettings::readPassword).orElse("");
    int poolSize =
        config.apply("stamp.db.pool-size").map(Integer::parseInt).orElse(DEFAULT_POOL_SIZE);
    return new BaselineSettings(
        url,
        config.apply("stamp.db.user").orElse(""),
        password,
        poolSize,
        config.apply(POOL_MIN).map(Integer::parseInt).orElse(poolSize),
        config.apply("stamp.region").orElse("bench"));
  }

  boolean isPostgreSql() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  private static String readPassword(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("stamp.db.password-file cannot be read", e);
    }
  }

  @Override
  public String toString() {
    return "BaselineSettings[" + jdbcUrl + ", user=" + user + ", password=redacted]";
  }
}
