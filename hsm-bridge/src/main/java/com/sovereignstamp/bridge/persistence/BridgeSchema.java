package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.audit.storage.AuditSchema;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Brings the bridge's own tables (witnessed checkpoints) up to date with its Liquibase changelog,
 * in the audit log's database. The audit log's changelog runs separately; both record themselves in
 * the same {@code DATABASECHANGELOG}.
 */
public final class BridgeSchema {
  static final String CHANGELOG = "com/sovereignstamp/bridge/db/changelog.xml";

  private BridgeSchema() {}

  public static void migrate(DataSource dataSource) throws SQLException {
    AuditSchema.migrate(dataSource, CHANGELOG);
  }
}
