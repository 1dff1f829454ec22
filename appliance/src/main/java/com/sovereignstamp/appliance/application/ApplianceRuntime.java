package com.sovereignstamp.appliance.application;

import com.sovereignstamp.appliance.audit.AuditTrail;
import com.sovereignstamp.appliance.audit.CheckpointWitness;
import com.sovereignstamp.appliance.audit.WitnessSubmitter;
import com.sovereignstamp.appliance.bridge.HttpCheckpointWitness;
import com.sovereignstamp.appliance.bridge.XksClients;
import com.sovereignstamp.appliance.bridge.XksKeyStatusSource;
import com.sovereignstamp.appliance.bridge.XksKeyWrapper;
import com.sovereignstamp.appliance.config.ApplianceSettings;
import com.sovereignstamp.appliance.config.AuditSettings;
import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.appliance.egress.EgressGuard;
import com.sovereignstamp.appliance.egress.EgressRefusals;
import com.sovereignstamp.appliance.egress.EgressRefusedException;
import com.sovereignstamp.appliance.egress.OutboundClients;
import com.sovereignstamp.appliance.keys.CollectionKeys;
import com.sovereignstamp.appliance.keys.DekCache;
import com.sovereignstamp.appliance.mode.KeyPurgeOnRevocation;
import com.sovereignstamp.appliance.mode.ModeChangeAudit;
import com.sovereignstamp.appliance.mode.ModeMonitor;
import com.sovereignstamp.appliance.mode.OperatingMode;
import com.sovereignstamp.appliance.persistence.ApplianceDatabase;
import com.sovereignstamp.appliance.persistence.AuditLogCheckpoints;
import com.sovereignstamp.appliance.persistence.AuditLogTrail;
import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import com.sovereignstamp.appliance.persistence.JpaCollectionRepository;
import com.sovereignstamp.appliance.persistence.JpaDocumentRepository;
import com.sovereignstamp.appliance.residency.RegionChangedException;
import com.sovereignstamp.appliance.sso.JwksMirror;
import com.sovereignstamp.appliance.sso.SsoClients;
import com.sovereignstamp.appliance.storage.CollectionService;
import com.sovereignstamp.appliance.storage.DocumentService;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.PemFileCheckpointSigner;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.fips.BcFips;
import com.sovereignstamp.xks.client.KeyMetadata;
import com.sovereignstamp.xks.client.RequestMetadata;
import com.sovereignstamp.xks.client.XksClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
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
 * the audit log with its signed checkpoints and their witness rounds, the bridge client, the key
 * cache and the services. Closing it stops the background work, signs a last checkpoint, zeroes the
 * cached keys and closes the connections.
 */
public final class ApplianceRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ApplianceRuntime.class.getName());
  private static final Duration WATCH_MARGIN = Duration.ofSeconds(5);
  private static final String POLICY = "stamp.residency.policy-file";

  private final ApplianceSettings settings;
  private final ApplianceDatabase database;
  private final AuditLog auditLog;
  private final AuditLogTrail audit;
  private final AuditLogCheckpoints checkpoints;
  private final WitnessSubmitter witness;
  private final WitnessSchedule witnessSchedule;
  private final XksClient xks;
  private final XksClient watchClient;
  private final EgressRefusals egressRefusals;
  private final OperatingMode mode;
  private final ModeMonitor monitor;
  private final DekCache cache;
  private final ExecutorService refresher;
  private final CollectionService collections;
  private final DocumentService documents;
  private final JwksMirror jwks;

  private ApplianceRuntime(
      ApplianceSettings settings,
      ApplianceDatabase database,
      AuditLogTrail audit,
      AuditLogCheckpoints checkpoints,
      Witnessing witnessing,
      XksClient xks,
      XksClient watchClient,
      EgressRefusals egressRefusals,
      ExecutorService refresher,
      JwksMirror jwks) {
    this.settings = settings;
    this.jwks = jwks;
    this.database = database;
    this.audit = audit;
    this.auditLog = audit.log();
    this.egressRefusals = egressRefusals;
    this.checkpoints = checkpoints;
    this.xks = xks;
    this.watchClient = watchClient;
    this.refresher = refresher;
    Clock clock = Clock.systemUTC();
    this.mode = new OperatingMode(clock);
    // keys from the prediction-resistant DRBG; salts and nonce prefixes from one without it
    SecureRandom keyRandom = BcFips.drbg();
    SecureRandom saltRandom = BcFips.nonceDrbg();
    this.witness =
        new WitnessSubmitter(checkpoints, witnessing.witness(), witnessing.witnessKey(), audit);
    this.cache = new DekCache(settings.dekCache(), System::nanoTime, refresher);
    JpaCollectionRepository collectionRepository =
        new JpaCollectionRepository(
            database,
            settings.identity().region(),
            clock,
            settings.collectionCacheTtl(),
            System::nanoTime);
    XksKeyWrapper wrapper =
        new XksKeyWrapper(xks, settings.bridge().cmkKeyId(), settings.bridge().principalArn());
    CollectionKeys keys =
        new CollectionKeys(
            settings.identity(), wrapper, collectionRepository, cache, audit, keyRandom);
    // the purge comes first: once the mode says REVOKED, no key is served from memory
    mode.addListener(new KeyPurgeOnRevocation(cache));
    mode.addListener(new ModeChangeAudit(audit));
    this.monitor =
        new ModeMonitor(
            mode,
            new XksKeyStatusSource(
                watchClient,
                xks,
                wrapper,
                settings.bridge().uriPrefix(),
                settings.bridge().principalArn(),
                settings.identity().stampId(),
                saltRandom),
            settings.modeMonitor());
    keys.reportFailuresTo(monitor);
    this.collections = new CollectionService(collectionRepository, keys, audit, mode);
    this.documents =
        new DocumentService(
            settings.identity(),
            collectionRepository,
            new JpaDocumentRepository(database, settings.identity().region()),
            keys,
            audit,
            saltRandom,
            clock,
            settings.maxDocumentSize(),
            mode,
            settings.residency().servedWhileDegraded());
    this.witnessSchedule = WitnessSchedule.start(witness, settings.audit().witnessInterval());
  }

  /** The witness and its pinned co-signing key. */
  private record Witnessing(CheckpointWitness witness, PublicKey witnessKey) {}

  /**
   * @throws SettingsException if a setting is wrong, a file it names cannot be used, or the
   *     residency policy does not allow a configured destination
   */
  public static ApplianceRuntime start(ApplianceSettings settings) {
    BcFips.provider();
    CheckpointSigner signer = checkpointSigner(settings.audit());
    PublicKey witnessKey = witnessKey(settings.audit());
    EgressRefusals refusals = new EgressRefusals();
    OutboundClients outbound =
        new OutboundClients(new EgressGuard(settings.residency(), EgressGuard.DNS, refusals));
    ApplianceDatabase database = null;
    AuditLog auditLog = null;
    XksClient xks = null;
    XksClient watchClient = null;
    JwksMirror jwks = null;
    try {
      // the API's keys first: tokens can be checked as soon as the API answers
      jwks = JwksMirror.start(SsoClients.create(settings.sso(), outbound), settings.sso());
      database =
          outbound.database(
              new DatabaseSettings(
                  settings.jdbcUrl(),
                  settings.jdbcUser(),
                  settings.jdbcPasswordFile().map(ApplianceRuntime::readPassword).orElse(""),
                  settings.jdbcPoolSize()),
              settings.identity());
      auditLog = openAuditLog(database, settings);
      AuditLogTrail audit = new AuditLogTrail(auditLog, settings.identity(), Clock.systemUTC());
      refusals.auditTo(audit);
      AuditLogCheckpoints checkpoints =
          AuditLogCheckpoints.open(
              auditLog,
              database.dataSource(),
              signer,
              settings.audit().origin(),
              Clock.systemUTC());
      Witnessing witnessing =
          new Witnessing(
              HttpCheckpointWitness.create(
                  settings.bridge(), settings.audit().witnessTimeout(), outbound),
              witnessKey);
      xks = XksClients.create(settings.bridge(), outbound);
      // the watch is held open at the bridge: its client waits that long, and a little more
      watchClient =
          XksClients.create(
              settings.bridge(), settings.modeMonitor().watchWait().plus(WATCH_MARGIN), outbound);
      ExecutorService refresher =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "dek-cache-refresh");
                t.setDaemon(true);
                return t;
              });
      ApplianceRuntime runtime =
          new ApplianceRuntime(
              settings,
              database,
              audit,
              checkpoints,
              witnessing,
              xks,
              watchClient,
              refusals,
              refresher,
              jwks);
      LOG.info(
          () ->
              "appliance started: stamp "
                  + settings.identity().stampId()
                  + ", region "
                  + settings.identity().region()
                  + ", profile "
                  + settings.profile().name().toLowerCase(java.util.Locale.ROOT)
                  + "; audit log "
                  + settings.audit().origin()
                  + ", checkpoint key "
                  + signer.keyId()
                  + ", witnessed every "
                  + settings.audit().witnessInterval());
      refresher.execute(runtime::checkBridge);
      runtime.cache.purgeAll(); // loads what a purge needs now, not at shutdown (see close)
      runtime.monitor.start();
      return runtime;
    } catch (EgressRefusedException | SQLException | RuntimeException e) {
      closeQuietly(jwks);
      closeQuietly(watchClient);
      closeQuietly(xks, auditLog, database);
      throw startFailure(e);
    }
  }

  /** What a failed start says: a settings error where the settings or the database are wrong. */
  private static RuntimeException startFailure(Exception e) {
    if (e instanceof EgressRefusedException) {
      return new SettingsException(
          "a configured destination is not allowed: " + e.getMessage() + " (see " + POLICY + ")",
          e);
    }
    if (e instanceof SQLException) {
      return new SettingsException("the database cannot be used: " + e.getMessage(), e);
    }
    if (e instanceof RegionChangedException) {
      return new SettingsException("stamp.region: " + e.getMessage(), e);
    }
    return (RuntimeException) e;
  }

  private static CheckpointSigner checkpointSigner(AuditSettings audit) {
    try {
      return PemFileCheckpointSigner.open(audit.checkpointKeyFile());
    } catch (IOException | GeneralSecurityException e) {
      throw new SettingsException("stamp.audit.checkpoint-key-file: " + e.getMessage(), e);
    }
  }

  private static PublicKey witnessKey(AuditSettings audit) {
    Path file = audit.witnessPublicKeyFile();
    try {
      return PublicKeyPem.decode(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new SettingsException(
          "stamp.audit.witness-public-key-file " + file + " cannot be read");
    } catch (GeneralSecurityException e) {
      throw new SettingsException(
          "stamp.audit.witness-public-key-file " + file + ": " + e.getMessage());
    }
  }

  /** The audit log on the stamp's database, behind a journal when one is configured. */
  private static AuditLog openAuditLog(ApplianceDatabase database, ApplianceSettings settings)
      throws SQLException {
    if (settings.audit().journal().isEmpty()) {
      return AuditLog.open(database.dataSource(), 256, Duration.ofSeconds(5), Clock.systemUTC());
    }
    try {
      return AuditLog.openJournaled(
          database.dataSource(),
          256,
          Duration.ofSeconds(5),
          settings.audit().journal().get(),
          Clock.systemUTC());
    } catch (IOException e) {
      throw new SettingsException(
          "stamp.audit.journal.dir: the audit journal cannot be used: " + e.getMessage(), e);
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

  /**
   * Asks the bridge about the customer key once at start: opens (and so warms) the TLS connection
   * and tells the operator at once whether the bridge and the key can be used.
   */
  private void checkBridge() {
    String key = settings.bridge().cmkKeyId();
    try {
      KeyMetadata m =
          xks.metadata(
              key,
              RequestMetadata.defaults()
                  .withAwsPrincipalArn(settings.bridge().principalArn())
                  .withKmsOperation("DescribeKey"));
      LOG.info(() -> "the bridge answers; customer key " + key + " is " + m.keyStatus());
    } catch (RuntimeException e) {
      LOG.warning(() -> "the bridge did not describe customer key " + key + ": " + e.getMessage());
    }
  }

  public boolean databaseReachable() {
    return database.isReachable();
  }

  /** The audit trail, for events the edge records itself (refused requests). */
  public AuditTrail audit() {
    return audit;
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

  /** The audit log's signed checkpoints. */
  public AuditLogCheckpoints checkpoints() {
    return checkpoints;
  }

  /** The witness rounds and the last checkpoint the witness co-signed. */
  public WitnessSubmitter witness() {
    return witness;
  }

  public XksClient xks() {
    return xks;
  }

  /** Connections the residency policy refused, counted and audited. */
  public EgressRefusals egressRefusals() {
    return egressRefusals;
  }

  /** The stamp's operating mode. */
  public OperatingMode mode() {
    return mode;
  }

  /** The mirrored signing keys of the identity provider. */
  public JwksMirror jwks() {
    return jwks;
  }

  /** What follows the key's state at the bridge. */
  public ModeMonitor monitor() {
    return monitor;
  }

  /**
   * Stops everything; keys are zeroed first. Also runs from a JVM shutdown hook, after Payara may
   * have closed the application's class loader: what it needs is loaded at start.
   */
  @Override
  public void close() {
    cache.purgeAll();
    monitor.close();
    jwks.close();
    closeQuietly(watchClient);
    witnessSchedule.close();
    try {
      checkpoints.checkpointNow(); // the last checkpoint covers the log as it is at the stop
    } catch (RuntimeException e) {
      LOG.warning("no last audit checkpoint at stop: " + e.getMessage());
    }
    refresher.shutdownNow();
    cache.purgeAll();
    closeQuietly(xks, auditLog, database);
  }

  private static void closeQuietly(JwksMirror mirror) {
    if (mirror != null) {
      mirror.close();
    }
  }

  private static void closeQuietly(XksClient client) {
    if (client != null) {
      client.close();
    }
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
