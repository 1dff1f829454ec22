package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.checkpoint.Secrets;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.bridge.audit.AuditTrail;
import com.sovereignstamp.bridge.config.AuditSettings;
import com.sovereignstamp.bridge.config.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The audit log in its database: opens (and migrates) it at start, takes the trail's entries, and
 * gives the rest of the bridge the data source for checkpoints, exports and witnessed checkpoints.
 */
public final class AuditDatabase implements AuditTrail.Log, AutoCloseable {
  private final DataSource dataSource;
  private final AuditLog log;

  private AuditDatabase(DataSource dataSource, AuditLog log) {
    this.dataSource = dataSource;
    this.log = log;
  }

  /**
   * Opens the log: journaled if {@code bridge.audit.journal.dir} is set (the embedded default),
   * otherwise one transaction per batch.
   *
   * @throws IOException if the journal is held by another process, corrupt, or lost entries
   */
  public static AuditDatabase open(AuditSettings settings, Clock clock)
      throws SQLException, IOException {
    DataSource ds = dataSource(settings);
    AuditLog log =
        settings.journal().isPresent()
            ? AuditLog.openJournaled(
                ds, settings.maxBatch(), settings.appendTimeout(), settings.journal().get(), clock)
            : AuditLog.open(ds, settings.maxBatch(), settings.appendTimeout(), clock);
    return new AuditDatabase(ds, log);
  }

  @Override
  public void append(JsonObject entry) {
    log.append(entry);
  }

  @Override
  public boolean isWritable() {
    return log.isWritable();
  }

  public AuditLog log() {
    return log;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() throws InterruptedException {
    log.close();
  }

  private static String password(Path file) {
    try {
      return new String(Secrets.fromFile(file));
    } catch (IOException e) {
      throw new UncheckedIOException("database password file: " + e.getMessage(), null);
    }
  }

  /**
   * The bridge's database (the audit trail's settings): H2 for {@code jdbc:h2:} URLs, PostgreSQL
   * for {@code jdbc:postgresql:}; nothing else. It also holds the witness's and the officers'
   * tables.
   */
  public static DataSource dataSource(AuditSettings s) {
    return dataSource(new DatabaseSettings(s.jdbcUrl(), s.jdbcUser(), s.jdbcPasswordFile()));
  }

  /** A data source for H2 ({@code jdbc:h2:}) or PostgreSQL ({@code jdbc:postgresql:}). */
  public static DataSource dataSource(DatabaseSettings s) {
    String password = s.passwordFile().map(AuditDatabase::password).orElse("");
    if (s.jdbcUrl().startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(s.jdbcUrl());
      h2.setUser(s.user());
      h2.setPassword(password);
      return h2;
    }
    if (s.jdbcUrl().startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(s.jdbcUrl());
      pg.setUser(s.user());
      pg.setPassword(password);
      return pg;
    }
    throw new IllegalStateException(
        "a bridge database URL must be H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:)");
  }
}
