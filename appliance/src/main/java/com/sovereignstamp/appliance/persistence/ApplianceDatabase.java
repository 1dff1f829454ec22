package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.audit.storage.AuditSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The stamp's database: the schema brought up to date by Liquibase (the audit log's changelog, then
 * the appliance's, which records the stamp's region at install), and an EntityManagerFactory
 * (EclipseLink, its own connection pool) for the repositories. The plain {@link #dataSource()}
 * serves the audit log and the schema migration.
 */
public final class ApplianceDatabase implements AutoCloseable {
  private final DataSource dataSource;
  private final EntityManagerFactory emf;

  private ApplianceDatabase(DataSource dataSource, EntityManagerFactory emf) {
    this.dataSource = dataSource;
    this.emf = emf;
  }

  /**
   * Migrates the schema and opens the connection pool.
   *
   * @throws com.sovereignstamp.appliance.residency.RegionChangedException if the database was
   *     installed for another region than the stamp's
   */
  public static ApplianceDatabase open(DatabaseSettings settings, StampIdentity stamp)
      throws SQLException {
    DataSource ds = dataSource(settings);
    migrate(ds, stamp);
    Map<String, Object> properties = new HashMap<>();
    properties.put("eclipselink.persistencexml", "META-INF/appliance-persistence.xml");
    properties.put("eclipselink.classloader", ApplianceDatabase.class.getClassLoader());
    properties.put(
        "jakarta.persistence.jdbc.driver",
        settings.isH2() ? "org.h2.Driver" : "org.postgresql.Driver");
    properties.put("jakarta.persistence.jdbc.url", settings.jdbcUrl());
    if (!settings.isH2()) {
      // no bound values (ciphertext, ids) in the driver's error messages and so in logs
      properties.put("eclipselink.jdbc.property.logServerErrorDetail", "false");
    }
    properties.put("jakarta.persistence.jdbc.user", settings.user());
    properties.put("jakarta.persistence.jdbc.password", settings.password());
    // min = max: EclipseLink closes a released connection while the pool holds more than its
    // minimum, so a smaller minimum means a new database connection (and, on PostgreSQL, a SCRAM
    // key derivation) for most requests under load
    String pool = String.valueOf(settings.poolSize());
    properties.put("eclipselink.connection-pool.default.initial", "2");
    properties.put("eclipselink.connection-pool.default.min", pool);
    properties.put("eclipselink.connection-pool.default.max", pool);
    properties.put("eclipselink.connection-pool.read.initial", "1");
    properties.put("eclipselink.connection-pool.read.min", pool);
    properties.put("eclipselink.connection-pool.read.max", pool);
    properties.put(
        "eclipselink.target-database",
        settings.isH2() ? "org.eclipse.persistence.platform.database.H2Platform" : "PostgreSQL");
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("appliance", properties);
    return new ApplianceDatabase(ds, emf);
  }

  /**
   * Applies every changeset not yet applied: the audit log's tables, then the appliance's (at
   * install, the stamp's region is recorded; later, it must be the same).
   */
  public static void migrate(DataSource ds, StampIdentity stamp) throws SQLException {
    AuditSchema.migrate(ds);
    ApplianceSchema.migrate(ds, stamp);
  }

  /**
   * An unpooled data source for H2 or PostgreSQL (the schema migration's; public for the schema
   * tests: an architecture rule keeps every other class of the stamp from calling it).
   */
  public static DataSource dataSource(DatabaseSettings s) {
    if (s.isH2()) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(s.jdbcUrl());
      h2.setUser(s.user());
      h2.setPassword(s.password());
      return h2;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(s.jdbcUrl());
    pg.setUser(s.user());
    pg.setPassword(s.password());
    pg.setLogServerErrorDetail(false);
    return pg;
  }

  /** Whether a connection can be made and answers within two seconds. */
  public boolean isReachable() {
    try (java.sql.Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  /** An entity manager for work that manages its own transaction (streams). Close it. */
  EntityManager entityManager() {
    return emf.createEntityManager();
  }

  @Override
  public void close() {
    emf.close();
  }
}
