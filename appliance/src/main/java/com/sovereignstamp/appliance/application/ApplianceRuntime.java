package com.sovereignstamp.appliance.application;

import com.sovereignstamp.appliance.bridge.XksClients;
import com.sovereignstamp.appliance.bridge.XksKeyWrapper;
import com.sovereignstamp.appliance.config.ApplianceSettings;
import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.appliance.keys.CollectionKeys;
import com.sovereignstamp.appliance.keys.DekCache;
import com.sovereignstamp.appliance.persistence.ApplianceDatabase;
import com.sovereignstamp.appliance.persistence.AuditLogTrail;
import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import com.sovereignstamp.appliance.persistence.JpaCollectionRepository;
import com.sovereignstamp.appliance.persistence.JpaDocumentRepository;
import com.sovereignstamp.appliance.storage.CollectionService;
import com.sovereignstamp.appliance.storage.DocumentService;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.fips.BcFips;
import com.sovereignstamp.xks.client.XksClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything the appliance runs on, built once from its settings: the database (schema migrated),
 * the audit log, the bridge client, the key cache and the services. Closing it stops the background
 * work, zeroes the cached keys and closes the connections.
 */
public final class ApplianceRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ApplianceRuntime.class.getName());

  private final ApplianceSettings settings;
  private final ApplianceDatabase database;
  private final AuditLog auditLog;
  private final AuditLogTrail audit;
  private final XksClient xks;
  private final DekCache cache;
  private final ExecutorService refresher;
  private final CollectionService collections;
  private final DocumentService documents;

  private ApplianceRuntime(
      ApplianceSettings settings,
      ApplianceDatabase database,
      AuditLog auditLog,
      XksClient xks,
      ExecutorService refresher) {
    this.settings = settings;
    this.database = database;
    this.auditLog = auditLog;
    this.xks = xks;
    this.refresher = refresher;
    Clock clock = Clock.systemUTC();
    SecureRandom random = BcFips.drbg();
    this.audit = new AuditLogTrail(auditLog, settings.identity(), clock);
    this.cache = new DekCache(settings.dekCache(), System::nanoTime, refresher);
    JpaCollectionRepository collectionRepository =
        new JpaCollectionRepository(database, settings.identity().region(), clock);
    CollectionKeys keys =
        new CollectionKeys(
            settings.identity(),
            new XksKeyWrapper(xks, settings.bridge().cmkKeyId(), settings.bridge().principalArn()),
            collectionRepository,
            cache,
            audit,
            random);
    this.collections = new CollectionService(collectionRepository, keys, audit);
    this.documents =
        new DocumentService(
            settings.identity(),
            collectionRepository,
            new JpaDocumentRepository(database, settings.identity().region()),
            keys,
            audit,
            random,
            clock,
            settings.maxDocumentSize());
  }

  /**
   * @throws SettingsException if a setting is wrong or a file it names cannot be used
   */
  public static ApplianceRuntime start(ApplianceSettings settings) {
    BcFips.provider();
    ApplianceDatabase database = null;
    AuditLog auditLog = null;
    XksClient xks = null;
    try {
      database =
          ApplianceDatabase.open(
              new DatabaseSettings(
                  settings.jdbcUrl(),
                  settings.jdbcUser(),
                  settings.jdbcPasswordFile().map(ApplianceRuntime::readPassword).orElse(""),
                  settings.jdbcPoolSize()));
      auditLog =
          AuditLog.open(database.dataSource(), 256, Duration.ofSeconds(5), Clock.systemUTC());
      xks = XksClients.create(settings.bridge());
      ExecutorService refresher =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "dek-cache-refresh");
                t.setDaemon(true);
                return t;
              });
      ApplianceRuntime runtime = new ApplianceRuntime(settings, database, auditLog, xks, refresher);
      LOG.info(
          () ->
              "appliance started: stamp "
                  + settings.identity().stampId()
                  + ", region "
                  + settings.identity().region()
                  + ", profile "
                  + settings.profile().name().toLowerCase(java.util.Locale.ROOT));
      return runtime;
    } catch (SQLException e) {
      closeQuietly(xks, auditLog, database);
      throw new SettingsException("the database cannot be used: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(xks, auditLog, database);
      throw e;
    }
  }

  private static String readPassword(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new SettingsException("stamp.db.password-file " + file + " cannot be read");
    }
  }

  public ApplianceSettings settings() {
    return settings;
  }

  public CollectionService collections() {
    return collections;
  }

  public DocumentService documents() {
    return documents;
  }

  public DekCache cache() {
    return cache;
  }

  public AuditLog auditLog() {
    return auditLog;
  }

  public XksClient xks() {
    return xks;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    cache.purgeAll();
    closeQuietly(xks, auditLog, database);
  }

  private static void closeQuietly(XksClient xks, AuditLog auditLog, ApplianceDatabase db) {
    if (xks != null) {
      xks.close();
    }
    if (auditLog != null) {
      try {
        auditLog.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing the audit log failed", e);
      }
    }
    if (db != null) {
      db.close();
    }
  }
}
