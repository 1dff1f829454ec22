package com.sovereignstamp.appliance.storage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The tables holding customer data: one valid row for each, written with plain JDBC as a bug or a
 * careless script would, labelled with a region of the caller's choosing (wrapped keys and
 * documents belong to a collection that must exist already); and which tables the schema labels.
 */
final class LabelledRows {
  /** The data plane's tables, labelled since 0.1. */
  static final List<String> DATA_PLANE =
      List.of("stamp_collection", "stamp_wrapped_key", "stamp_document", "stamp_segment");

  /** Every table that holds customer data: the data plane and the audit log's entries. */
  static final List<String> CUSTOMER_DATA =
      Stream.concat(DATA_PLANE.stream(), Stream.of("audit_entry")).toList();

  private static final String A_COLLECTION =
      "(SELECT id FROM stamp_collection FETCH FIRST 1 ROWS ONLY)";

  /** Unique numbers for key versions and audit entry indexes, far from the services' own. */
  private static final AtomicLong NEXT = new AtomicLong(1_000_000);

  private LabelledRows() {}

  static void insert(Connection c, String table, String region) throws SQLException {
    switch (table) {
      case "stamp_collection" ->
          insert(
              c,
              "INSERT INTO stamp_collection (id, name, classification, dek_version,"
                  + " index_key_version, cmk_key_id, created_at, residency)"
                  + " VALUES (?, ?, 'standard', 1, 1, 'raw-cmk', CURRENT_TIMESTAMP, ?)",
              UUID.randomUUID(),
              "raw-" + UUID.randomUUID().toString().substring(0, 8),
              region);
      case "stamp_wrapped_key" ->
          insert(
              c,
              "INSERT INTO stamp_wrapped_key (id, collection_id, kind, version, cmk_key_id, iv,"
                  + " ciphertext, tag, created_at, residency) VALUES (?, "
                  + A_COLLECTION
                  + ", 'dek', ?, 'raw-cmk', ?, ?, ?, CURRENT_TIMESTAMP, ?)",
              UUID.randomUUID(),
              (int) NEXT.incrementAndGet(),
              new byte[12],
              new byte[32],
              new byte[16],
              region);
      case "stamp_document" ->
          insert(
              c,
              "INSERT INTO stamp_document (id, collection_id, document_id, object_id,"
                  + " content_type, size_bytes, segment_count, header, dek_version,"
                  + " index_key_version, created_at, updated_at, revision, residency)"
                  + " VALUES (?, "
                  + A_COLLECTION
                  + ", ?, ?, 'text/plain', 0, 1, ?, 1, 1, CURRENT_TIMESTAMP,"
                  + " CURRENT_TIMESTAMP, 1, ?)",
              UUID.randomUUID(),
              "raw-" + UUID.randomUUID(),
              UUID.randomUUID(),
              new byte[40],
              region);
      case "stamp_segment" ->
          insert(
              c,
              "INSERT INTO stamp_segment (object_id, idx, data, residency) VALUES (?, 0, ?, ?)",
              UUID.randomUUID(),
              new byte[32],
              region);
      case "audit_entry" ->
          insert(
              c,
              "INSERT INTO audit_entry (entry_index, entry, leaf_hash, recorded_at, residency)"
                  + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, ?)",
              NEXT.incrementAndGet(),
              "{\"type\":\"raw\"}".getBytes(StandardCharsets.UTF_8),
              new byte[32],
              region);
      default -> throw new IllegalArgumentException("no customer-data table " + table);
    }
  }

  private static void insert(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof byte[] bytes) {
          s.setBytes(i + 1, bytes);
        } else {
          s.setObject(i + 1, parameters[i]);
        }
      }
      s.executeUpdate();
    }
  }

  /** Every table of the connection's schema, in lower case. */
  static Set<String> allTables(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (ResultSet t =
        c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (t.next()) {
        out.add(t.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** The tables whose {@code residency} column is a foreign key to the recorded region. */
  static Set<String> labelledTables(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    DatabaseMetaData meta = c.getMetaData();
    for (String table : allTables(c)) {
      String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
      try (ResultSet k = meta.getImportedKeys(null, c.getSchema(), name)) {
        while (k.next()) {
          if (k.getString("PKTABLE_NAME").equalsIgnoreCase("stamp_residency")
              && k.getString("PKCOLUMN_NAME").equalsIgnoreCase("region")
              && k.getString("FKCOLUMN_NAME").equalsIgnoreCase("residency")) {
            out.add(table);
          }
        }
      }
    }
    return out;
  }
}
