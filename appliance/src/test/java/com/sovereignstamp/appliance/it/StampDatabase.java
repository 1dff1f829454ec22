package com.sovereignstamp.appliance.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The database of an appliance under test, opened directly — as an attacker with a dump would. */
public final class StampDatabase {
  private final String url;

  public StampDatabase(Map<String, String> settings) {
    this.url = settings.get("stamp.db.url");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        url, System.getenv("STAMP_TEST_PG_USER"), System.getenv("STAMP_TEST_PG_PASSWORD"));
  }

  /** The current object id of a document. */
  public UUID objectId(String collection, String documentId) throws SQLException {
    try (Connection c = connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT d.object_id FROM stamp_document d JOIN stamp_collection c"
                    + " ON c.id = d.collection_id WHERE c.name = ? AND d.document_id = ?")) {
      q.setString(1, collection);
      q.setString(2, documentId);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("no document " + documentId);
        }
        return r.getObject(1, UUID.class);
      }
    }
  }

  public byte[] segment(UUID objectId, int index) throws SQLException {
    try (Connection c = connect();
        PreparedStatement q =
            c.prepareStatement("SELECT data FROM stamp_segment WHERE object_id = ? AND idx = ?")) {
      q.setObject(1, objectId);
      q.setInt(2, index);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getBytes(1);
      }
    }
  }

  public void update(String sql, Object... parameters) throws SQLException {
    try (Connection c = connect();
        PreparedStatement u = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        u.setObject(i + 1, parameters[i]);
      }
      u.executeUpdate();
    }
  }

  public long count(String sql, Object... parameters) throws SQLException {
    try (Connection c = connect();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        q.setObject(i + 1, parameters[i]);
      }
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Every audit entry, as its canonical JSON text. */
  public List<String> auditEntries() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement q =
            c.prepareStatement("SELECT entry FROM audit_entry ORDER BY entry_index");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        out.add(new String(r.getBytes(1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * Every table and column of the schema where {@code marker} occurs: as text in character columns,
   * as bytes (UTF-8) in binary ones.
   */
  public List<String> whereFound(String marker) throws SQLException {
    byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    try (Connection c = connect()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet t = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (t.next()) {
          tables.add(t.getString("TABLE_NAME"));
        }
      }
      if (tables.isEmpty()) {
        throw new IllegalStateException("no tables in schema " + c.getSchema());
      }
      for (String table : tables) {
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM " + table);
            ResultSet r = q.executeQuery()) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            for (int i = 1; i <= columns; i++) {
              int type = r.getMetaData().getColumnType(i);
              boolean binary =
                  type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY;
              byte[] value =
                  binary
                      ? r.getBytes(i)
                      : r.getString(i) == null
                          ? null
                          : r.getString(i).getBytes(StandardCharsets.UTF_8);
              if (value != null && contains(value, needle)) {
                found.add(table + "." + r.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
