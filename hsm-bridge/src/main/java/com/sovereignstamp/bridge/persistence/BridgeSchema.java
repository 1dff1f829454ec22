package com.sovereignstamp.bridge.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;

/**
 * Brings the bridge's own tables (witnessed checkpoints) up to date with its Liquibase changelog,
 * in the audit log's database. The audit log's changelog runs separately; both record themselves in
 * the same {@code DATABASECHANGELOG}.
 */
public final class BridgeSchema {
  static final String CHANGELOG = "com/sovereignstamp/bridge/db/changelog.xml";

  private BridgeSchema() {}

  public static void migrate(DataSource dataSource) throws SQLException {
    System.setProperty("liquibase.analytics.enabled", "false");
    try (Connection c = dataSource.getConnection()) {
      Database db =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      new CommandScope(UpdateCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
          .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
          .execute();
    } catch (LiquibaseException e) {
      throw new SQLException("bridge schema migration failed: " + e.getMessage(), e);
    }
  }
}
