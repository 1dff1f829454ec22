package com.sovereignstamp.bridge.persistence;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The witnessed-checkpoint store on a real PostgreSQL server (production's database), which {@code
 * ./stamp test} starts and passes in {@code STAMP_TEST_PG_URL}, {@code STAMP_TEST_PG_USER} and
 * {@code STAMP_TEST_PG_PASSWORD}; each test gets a schema of its own.
 */
class WitnessedCheckpointsPostgresTest extends WitnessedCheckpointsContract {
  @Override
  DataSource freshDatabase() throws Exception {
    String url = System.getenv("STAMP_TEST_PG_URL");
    if (url == null) {
      throw new IllegalStateException(
          "STAMP_TEST_PG_URL is not set: run the tests with ./stamp test, which starts PostgreSQL");
    }
    String schema = "witness_" + System.nanoTime();
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
