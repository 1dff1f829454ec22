package com.sovereignstamp.bench.baseline;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The baseline's database: its tables made at start ({@link BaselineSchema}) and an
 * EntityManagerFactory with the appliance's EclipseLink settings (no shared cache, JDBC batch
 * writing, its own connection pool of {@code stamp.db.pool-size}) except that the pool keeps all
 * its connections open (unless {@link BaselineSettings#POOL_MIN} says otherwise).
 */
final class BaselineDatabase implements AutoCloseable {
  private final EntityManagerFactory emf;
  private final UUID collectionId;
  private final String residency;

  private BaselineDatabase(EntityManagerFactory emf, UUID collectionId, String residency) {
    this.emf = emf;
    this.collectionId = collectionId;
    this.residency = residency;
  }

  static BaselineDatabase open(BaselineSettings s) throws SQLException {
    UUID collectionId;
    try (Connection c = dataSource(s).getConnection()) {
      collectionId = BaselineSchema.create(c, s.isPostgreSql(), s.residency());
    }
    Map<String, Object> p = new HashMap<>();
    p.put("eclipselink.persistencexml", "META-INF/baseline-persistence.xml");
    p.put("eclipselink.classloader", BaselineDatabase.class.getClassLoader());
    p.put(
        "jakarta.persistence.jdbc.driver",
        s.isPostgreSql() ? "org.postgresql.Driver" : "org.h2.Driver");
    p.put("jakarta.persistence.jdbc.url", s.jdbcUrl());
    p.put("jakarta.persistence.jdbc.user", s.user());
    p.put("jakarta.persistence.jdbc.password", s.password());
    // A pool that keeps its connections: EclipseLink disconnects every connection above "min" when
    // it is returned, so min = max, as its documentation advises (the appliance, with min 1, opens
    // a new database connection for most transactions under concurrency).
    p.put("eclipselink.connection-pool.default.initial", String.valueOf(s.poolMin()));
    p.put("eclipselink.connection-pool.default.min", String.valueOf(s.poolMin()));
    p.put("eclipselink.connection-pool.default.max", String.valueOf(s.poolSize()));
    p.put(
        "eclipselink.target-database",
        s.isPostgreSql() ? "PostgreSQL" : "org.eclipse.persistence.platform.database.H2Platform");
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("baseline", p);
    return new BaselineDatabase(emf, collectionId, s.residency());
  }

  /**
   * An unpooled data source (the driver's own class: inside the server, {@code DriverManager} does
   * not see a driver that only this application's class loader holds).
   */
  static DataSource dataSource(BaselineSettings s) {
    if (s.isPostgreSql()) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(s.jdbcUrl());
      pg.setUser(s.user());
      pg.setPassword(s.password());
      return pg;
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(s.jdbcUrl());
    h2.setUser(s.user());
    h2.setPassword(s.password());
    return h2;
  }

  EntityManager entityManager() {
    return emf.createEntityManager();
  }

  UUID collectionId() {
    return collectionId;
  }

  String residency() {
    return residency;
  }

  @Override
  public void close() {
    emf.close();
  }
}
