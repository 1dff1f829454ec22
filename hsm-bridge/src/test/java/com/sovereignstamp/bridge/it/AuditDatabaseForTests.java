package com.sovereignstamp.bridge.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL schema of its own for one bridge's audit trail, on the server {@code ./stamp test}
 * starts ({@code STAMP_TEST_PG_URL}, {@code STAMP_TEST_PG_USER}, {@code STAMP_TEST_PG_PASSWORD}).
 */
final class AuditDatabaseForTests {
  private final String url;

  private AuditDatabaseForTests(String url) {
    this.url = url;
  }

  /** Creates a fresh schema and points the bridge's audit trail at it. */
  static AuditDatabaseForTests attach(BridgeInstance bridge, String name) throws Exception {
    String url = newSchema("bridge_" + name);
    Path password = passwordFile(bridge);
    bridge.property("bridge.audit.jdbc.url", url);
    bridge.property("bridge.audit.jdbc.user", System.getenv("STAMP_TEST_PG_USER"));
    bridge.property("bridge.audit.jdbc.password-file", password.toString());
    bridge.property("bridge.audit.journal.dir", ""); // every call waits for its own commit
    return new AuditDatabaseForTests(url);
  }

  /**
   * Creates a fresh schema and keeps the officers' policy of all these bridges in it (each keeps
   * its own audit trail).
   */
  static void sharePolicy(String name, BridgeInstance... bridges) throws Exception {
    String url = newSchema("policy_" + name);
    for (BridgeInstance bridge : bridges) {
      bridge.property("bridge.policy.jdbc.url", url);
      bridge.property("bridge.policy.jdbc.user", System.getenv("STAMP_TEST_PG_USER"));
      bridge.property("bridge.policy.jdbc.password-file", passwordFile(bridge).toString());
    }
  }

  private static String newSchema(String prefix) throws SQLException {
    String base = System.getenv("STAMP_TEST_PG_URL");
    if (base == null) {
      throw new IllegalStateException(
          "STAMP_TEST_PG_URL is not set: run the tests with ./stamp test, which starts PostgreSQL");
    }
    String schema = prefix + "_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = connect(base);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return base + "?currentSchema=" + schema;
  }

  private static Path passwordFile(BridgeInstance bridge) throws IOException {
    Path password = bridge.dir().resolve("secrets/test-db.password");
    Files.writeString(password, System.getenv("STAMP_TEST_PG_PASSWORD") + "\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    return password;
  }

  Connection connect() throws SQLException {
    return connect(url);
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(
        url, System.getenv("STAMP_TEST_PG_USER"), System.getenv("STAMP_TEST_PG_PASSWORD"));
  }

  /** Reads the whole trail. */
  AuditEntries entries() throws SQLException, IOException {
    try (Connection c = connect()) {
      return AuditEntries.read(c);
    }
  }
}
