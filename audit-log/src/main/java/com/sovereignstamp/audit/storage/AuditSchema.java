package com.sovereignstamp.audit.storage;

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

/** Brings the audit log's tables up to date with its Liquibase changelog. */
public final class AuditSchema {
  static final String CHANGELOG = "com/sovereignstamp/audit/db/changelog.xml";

  private AuditSchema() {}

  /**
   * Applies every changeset of the audit log's changelog not yet applied (0.1 entries, 0.2
   * checkpoints).
   */
  public static void migrate(DataSource dataSource) throws SQLException {
    migrate(dataSource, CHANGELOG);
  }

  /**
   * Applies one changelog from the class path (analytics off). Tests use it to set up a database as
   * an earlier release left it; the bridge, for its own tables next to the log's.
   */
  public static void migrate(DataSource dataSource, String changelog) throws SQLException {
    System.setProperty("liquibase.analytics.enabled", "false");
    try (Connection c = dataSource.getConnection()) {
      Database db =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      new CommandScope(UpdateCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
          .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
          .execute();
    } catch (LiquibaseException e) {
      throw new SQLException(changelog + ": schema migration failed: " + e.getMessage(), e);
    }
  }
}
