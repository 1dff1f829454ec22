package com.sovereignstamp.audit.testing;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An empty database (or schema) for one test: embedded H2 in memory, or a schema of its own on the
 * PostgreSQL server that {@code ./stamp test} starts and names in {@code STAMP_TEST_PG_URL}, {@code
 * STAMP_TEST_PG_USER} and {@code STAMP_TEST_PG_PASSWORD}. The JDBC URL and credentials are kept for
 * tools that connect on their own (the audit CLI).
 */
public record TestDatabase(String url, String user, String password, DataSource dataSource) {

  /** A fresh in-memory H2 database that lives until the JVM ends. */
  public static TestDatabase h2() {
    String url = "jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPassword("");
    return new TestDatabase(url, "sa", "", ds);
  }

  /** A fresh schema on the test PostgreSQL server. */
  public static TestDatabase postgres() throws Exception {
    String url = System.getenv("STAMP_TEST_PG_URL");
    if (url == null) {
      throw new IllegalStateException(
          "STAMP_TEST_PG_URL is not set: run the tests with ./stamp test, which starts PostgreSQL");
    }
    String user = System.getenv("STAMP_TEST_PG_USER");
    String password = System.getenv("STAMP_TEST_PG_PASSWORD");
    String schema = "audit_" + System.nanoTime();
    try (Connection c = postgres(url, user, password).getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String schemaUrl = url + "?currentSchema=" + schema;
    return new TestDatabase(schemaUrl, user, password, postgres(schemaUrl, user, password));
  }

  private static PGSimpleDataSource postgres(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }
}
