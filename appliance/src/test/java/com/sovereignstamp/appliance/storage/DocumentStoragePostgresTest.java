package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The same contract on PostgreSQL ({@code ./stamp test} starts it and names it). */
class DocumentStoragePostgresTest extends DocumentStorageContract {
  @Override
  DatabaseSettings database() throws Exception {
    String url = System.getenv("STAMP_TEST_PG_URL");
    if (url == null) {
      throw new IllegalStateException(
          "STAMP_TEST_PG_URL is not set: run the tests with ./stamp test, which starts PostgreSQL");
    }
    String user = System.getenv("STAMP_TEST_PG_USER");
    String password = System.getenv("STAMP_TEST_PG_PASSWORD");
    String schema = "storage_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return new DatabaseSettings(url + "?currentSchema=" + schema, user, password, 4);
  }
}
