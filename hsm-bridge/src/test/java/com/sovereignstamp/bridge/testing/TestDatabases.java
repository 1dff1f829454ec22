package com.sovereignstamp.bridge.testing;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An empty database for one test: embedded H2 in memory, or a schema of its own on the real
 * PostgreSQL server that {@code ./stamp test} starts and names in {@code STAMP_TEST_PG_URL}, {@code
 * STAMP_TEST_PG_USER} and {@code STAMP_TEST_PG_PASSWORD}.
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static DataSource h2(String prefix) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + prefix + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  public static DataSource postgres(String prefix) throws Exception {
    String url = System.getenv("STAMP_TEST_PG_URL");
    if (url == null) {
      throw new IllegalStateException(
          "STAMP_TEST_PG_URL is not set: run the tests with ./stamp test, which starts PostgreSQL");
    }
    String schema = prefix + "_" + System.nanoTime();
    try (Connection c = source(url).getConnection();
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
