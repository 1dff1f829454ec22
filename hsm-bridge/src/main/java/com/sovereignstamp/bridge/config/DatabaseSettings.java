package com.sovereignstamp.bridge.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A database the bridge connects to: an H2 ({@code jdbc:h2:}) or PostgreSQL ({@code
 * jdbc:postgresql:}) URL, a user, and a file whose first line is the password.
 */
public record DatabaseSettings(String jdbcUrl, String user, Optional<Path> passwordFile) {
  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(passwordFile, "passwordFile");
  }
}
