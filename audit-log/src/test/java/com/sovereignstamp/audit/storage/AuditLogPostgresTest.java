package com.sovereignstamp.audit.storage;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The durable log on a real PostgreSQL server (production's database). {@code ./stamp test} starts
 * the server and passes a throw-away database in {@code STAMP_TEST_PG_URL}, {@code
 * STAMP_TEST_PG_USER} and {@code STAMP_TEST_PG_PASSWORD}; each test gets a schema of its own.
 */
class AuditLogPostgresTest extends AuditLogContract {
  @Override
  DataSource freshDatabase() throws Exception {
    String url = System.getenv("STAMP_TEST_PG_URL");
    if (url == null) {
      throw new IllegalStateException(
          "STAMP_TEST_PG_URL is not set: run the tests with ./stamp test, which starts PostgreSQL");
    }
    PGSimpleDataSource admin = source(url);
    String schema = "audit_" + System.nanoTime();
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return source(url + "?currentSchema=" + schema);
  }

  private static PGSimpleDataSource source(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(System.getenv("STAMP_TEST_PG_USER"));
    ds.setPassword(System.getenv("STAMP_TEST_PG_PASSWORD"));
    return ds;
  }
}
