package com.sovereignstamp.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The baseline's tables, made with plain DDL at start: {@code bench_collection}, {@code
 * bench_document} and {@code bench_segment}, with the column types, keys and indexes of the
 * appliance's {@code stamp_collection} (reduced to what a document references), {@code
 * stamp_document} and {@code stamp_segment} (appliance-0.1.xml).
 */
final class BaselineSchema {
  /** The one collection every baseline document belongs to. */
  static final String COLLECTION = "bench";

  private BaselineSchema() {}

  static List<String> ddl(boolean postgres) {
    String bytes = postgres ? "BYTEA" : "VARBINARY";
    return List.of(
        "CREATE TABLE IF NOT EXISTS bench_collection ("
            + "id UUID CONSTRAINT pk_bench_collection PRIMARY KEY,"
            + " name VARCHAR(63) NOT NULL CONSTRAINT uq_bench_collection_name UNIQUE,"
            + " residency VARCHAR(32) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS bench_document ("
            + "id UUID CONSTRAINT pk_bench_document PRIMARY KEY,"
            + " collection_id UUID NOT NULL CONSTRAINT fk_bench_document_collection"
            + " REFERENCES bench_collection(id),"
            + " document_id VARCHAR(128) NOT NULL,"
            + " object_id UUID NOT NULL CONSTRAINT uq_bench_document_object UNIQUE,"
            + " content_type VARCHAR(255) NOT NULL,"
            + " size_bytes BIGINT NOT NULL,"
            + " segment_count INT NOT NULL,"
            + (" header " + bytes + " NOT NULL,")
            + (" name_blob " + bytes + ",")
            + (" labels_blob " + bytes + ",")
            + " subject_hash VARCHAR(64),"
            + " dek_version INT NOT NULL,"
            + " index_key_version INT NOT NULL,"
            + " created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " revision BIGINT NOT NULL,"
            + " residency VARCHAR(32) NOT NULL,"
            + " CONSTRAINT uq_bench_document_id UNIQUE (collection_id, document_id))",
        "CREATE INDEX IF NOT EXISTS ix_bench_document_subject ON bench_document (subject_hash)",
        "CREATE TABLE IF NOT EXISTS bench_segment ("
            + "object_id UUID NOT NULL,"
            + " idx INT NOT NULL,"
            + (" data " + bytes + " NOT NULL,")
            + " residency VARCHAR(32) NOT NULL,"
            + " CONSTRAINT pk_bench_segment PRIMARY KEY (object_id, idx))");
  }

  /** Creates the tables if missing and returns the id of the baseline's collection. */
  static UUID create(Connection c, boolean postgres, String residency) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String statement : ddl(postgres)) {
        s.execute(statement);
      }
    }
    try (PreparedStatement q =
        c.prepareStatement("SELECT id FROM bench_collection WHERE name = ?")) {
      q.setString(1, COLLECTION);
      try (ResultSet r = q.executeQuery()) {
        if (r.next()) {
          return r.getObject(1, UUID.class);
        }
      }
    }
    UUID id = UUID.randomUUID();
    try (PreparedStatement i =
        c.prepareStatement("INSERT INTO bench_collection (id, name, residency) VALUES (?, ?, ?)")) {
      i.setObject(1, id);
      i.setString(2, COLLECTION);
      i.setString(3, residency);
      i.executeUpdate();
    }
    return id;
  }
}
