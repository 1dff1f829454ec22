package com.sovereignstamp.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates or drops the throw-away schema in which a benchmark bridge keeps its audit trail on
 * PostgreSQL, so that a run starts from an empty log and leaves nothing behind: {@code
 * PgScratchSchema create|drop SCHEMA}, connecting with {@code BENCH_AUDIT_PG_URL}, {@code
 * BENCH_AUDIT_PG_USER} and {@code BENCH_AUDIT_PG_PASSWORD} (a loopback server only).
 */
public final class PgScratchSchema {
  private PgScratchSchema() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 2
        || !(args[0].equals("create") || args[0].equals("drop"))
        || !args[1].matches("[a-z][a-z0-9_]{0,62}")) {
      System.err.println("usage: PgScratchSchema create|drop SCHEMA (lower-case name)");
      System.exit(64);
    }
    String url = System.getenv("BENCH_AUDIT_PG_URL");
    if (url == null || !url.matches("jdbc:postgresql://(127\\.0\\.0\\.1|localhost)(:\\d+)?/.*")) {
      System.err.println(
          "PgScratchSchema: BENCH_AUDIT_PG_URL must be jdbc:postgresql://127.0.0.1:PORT/DB");
      System.exit(64);
    }
    try (Connection c =
            DriverManager.getConnection(
                url,
                System.getenv("BENCH_AUDIT_PG_USER"),
                System.getenv("BENCH_AUDIT_PG_PASSWORD"));
        Statement s = c.createStatement()) {
      s.execute(
          args[0].equals("create")
              ? "CREATE SCHEMA " + args[1]
              : "DROP SCHEMA IF EXISTS " + args[1] + " CASCADE");
    }
  }
}
