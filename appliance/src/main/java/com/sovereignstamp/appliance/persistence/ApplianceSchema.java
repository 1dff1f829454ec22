package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.residency.StampIdentity;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;

/**
 * The appliance's tables, brought up to date by Liquibase ({@value #CHANGELOG}) with the stamp's
 * region as the changelog parameter {@value #REGION_PARAMETER}: the install records it in {@code
 * stamp_residency}, and every customer-data row must carry it from then on. A region recorded
 * earlier must be the configured one — checked before any changeset runs (so a start with another
 * region changes nothing) and again after the last.
 */
final class ApplianceSchema {
  static final String CHANGELOG = "db/changelog/appliance.xml";
  static final String REGION_PARAMETER = "stamp.region";
  private static final String REGION_TABLE = "stamp_residency";

  private ApplianceSchema() {}

  /**
   * @throws com.sovereignstamp.appliance.residency.RegionChangedException if the database was
   *     installed for another region than {@code identity}'s
   * @throws SQLException if the database cannot be read or migrated
   */
  static void migrate(DataSource ds, StampIdentity identity) throws SQLException {
    // first: the region is in the 0.2 changesets' checksums, so Liquibase would refuse another
    // one only with a checksum error — and a later changeset must never run for another region
    recordedRegion(ds).ifPresent(identity::requireInstalledRegion);
    update(ds, identity.region());
    identity.requireInstalledRegion(
        recordedRegion(ds)
            .orElseThrow(() -> new SQLException(REGION_TABLE + " records no region")));
  }

  /** The region recorded at install; empty before the install (no table or no row yet). */
  private static Optional<String> recordedRegion(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      if (!regionTableExists(c)) {
        return Optional.empty();
      }
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT region FROM " + REGION_TABLE)) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  private static boolean regionTableExists(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String name =
        meta.storesUpperCaseIdentifiers() ? REGION_TABLE.toUpperCase(Locale.ROOT) : REGION_TABLE;
    String pattern = name.replace("_", meta.getSearchStringEscape() + "_");
    try (ResultSet t = meta.getTables(c.getCatalog(), c.getSchema(), pattern, null)) {
      return t.next();
    }
  }

  /**
   * Applies every changeset not yet applied (the audit log's tables must exist: 0.2 labels them).
   */
  private static void update(DataSource ds, String region) throws SQLException {
    System.setProperty("liquibase.analytics.enabled", "false");
    try (Connection c = ds.getConnection()) {
      Database db =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      ChangeLogParameters parameters = new ChangeLogParameters(db);
      parameters.set(REGION_PARAMETER, region);
      new CommandScope(UpdateCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
          .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
          .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
          .execute();
    } catch (LiquibaseException e) {
      throw new SQLException(CHANGELOG + ": schema migration failed: " + e.getMessage(), e);
    }
  }
}
