package com.sovereignstamp.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * PostgreSQL's count of sessions ever opened to the benchmark's database ({@code
 * pg_stat_database.sessions}, PostgreSQL 14+), read over one connection held for the whole run: the
 * difference around a point is how many new database connections the servers opened meanwhile. A
 * pool that keeps its connections opens none; each new one costs a backend process and a
 * SCRAM-SHA-256 exchange on both sides.
 */
final class DatabaseSessions implements AutoCloseable {
  private final Connection connection;

  private DatabaseSessions(Connection connection) {
    this.connection = connection;
  }

  /**
   * From {@code BENCH_PG_URL}, {@code BENCH_PG_USER} and {@code BENCH_PG_PASSWORD}; empty when they
   * are not set or the database cannot be reached (the report then leaves the column out).
   */
  static Optional<DatabaseSessions> open(Function<String, String> env) {
    String url = env.apply("BENCH_PG_URL");
    if (url == null || !url.startsWith("jdbc:postgresql://127.0.0.1:")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DatabaseSessions(
              DriverManager.getConnection(
                  url, env.apply("BENCH_PG_USER"), env.apply("BENCH_PG_PASSWORD"))));
    } catch (SQLException e) {
      XksBench.progress("database sessions not counted: SQL state %s", e.getSQLState());
      return Optional.empty();
    }
  }

  /** Sessions opened to this database so far; empty when the statistics cannot be read. */
  OptionalLong opened() {
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT sessions FROM pg_stat_database WHERE datname = current_database()")) {
      return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
    } catch (SQLException e) {
      return OptionalLong.empty();
    }
  }

  /** The difference of two readings, empty unless both are known. */
  static OptionalLong between(OptionalLong before, OptionalLong after) {
    return before.isPresent() && after.isPresent()
        ? OptionalLong.of(after.getAsLong() - before.getAsLong())
        : OptionalLong.empty();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to release
    }
  }
}
