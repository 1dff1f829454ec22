package com.sovereignstamp.bridge.api;

import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.KeyStoreCheckpointSigner;
import com.sovereignstamp.audit.checkpoint.Secrets;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.storage.CheckpointStore;
import com.sovereignstamp.audit.storage.Checkpoints;
import com.sovereignstamp.bridge.application.BridgeEvents;
import com.sovereignstamp.bridge.application.HealthIdentity;
import com.sovereignstamp.bridge.application.XksDispatcher;
import com.sovereignstamp.bridge.audit.AuditTrail;
import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.auth.CallerAuthenticator;
import com.sovereignstamp.bridge.auth.KeyStoreRegistry;
import com.sovereignstamp.bridge.config.AuditSettings;
import com.sovereignstamp.bridge.config.BackendKind;
import com.sovereignstamp.bridge.config.BridgeSettings;
import com.sovereignstamp.bridge.config.Profile;
import com.sovereignstamp.bridge.health.DeepHealthCheck;
import com.sovereignstamp.bridge.keys.KeyBackend;
import com.sovereignstamp.bridge.metrics.BridgeMetrics;
import com.sovereignstamp.bridge.persistence.AuditDatabase;
import com.sovereignstamp.bridge.persistence.BridgeSchema;
import com.sovereignstamp.bridge.persistence.JdbcPolicyStore;
import com.sovereignstamp.bridge.pkcs11.HsmCheckpointSigner;
import com.sovereignstamp.bridge.pkcs11.Pkcs11KeyBackend;
import com.sovereignstamp.bridge.pkcs11.Pkcs11KeyControl;
import com.sovereignstamp.bridge.policy.DualControl;
import com.sovereignstamp.bridge.policy.HsmKeyControl;
import com.sovereignstamp.bridge.policy.OfficerActions;
import com.sovereignstamp.bridge.policy.Officers;
import com.sovereignstamp.bridge.policy.OfficersFile;
import com.sovereignstamp.bridge.policy.PolicySeed;
import com.sovereignstamp.bridge.policy.PolicyStore;
import com.sovereignstamp.bridge.policy.PolicyView;
import com.sovereignstamp.bridge.software.DemoSoftwareKeyBackend;
import com.sovereignstamp.bridge.throttle.RateLimiter;
import com.sovereignstamp.bridge.xks.XksKeyService;
import com.sovereignstamp.bridge.xks.XksRequestParser;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the bridge once, when the application starts, and fails the deployment when the
 * configuration is not valid — a bridge that cannot serve keys correctly does not start.
 */
@ApplicationScoped
public class BridgeRuntime {
  private static final Logger LOG = Logger.getLogger(BridgeRuntime.class.getName());

  /** Seconds before a failed checkpoint (HSM busy or away, database down) is tried again. */
  private static final long RETRY = 10;

  private BridgeSettings settings;
  private KeyBackend backend;
  private BridgeMetrics metrics;
  private XksDispatcher dispatcher;
  private Optional<AuditDatabase> auditDatabase = Optional.empty();
  private AuditTrail audit;
  private BridgeEvents events;
  private ScheduledExecutorService auditScheduler;
  private volatile boolean stopped;
  private CheckpointSigner checkpointSigner;
  private Checkpoints checkpoints;
  private DataSource bridgeDatabase;
  private KeyStoreRegistry registry;
  private CallerAuthenticator authenticator;
  private PolicyStore policyStore;
  private PolicyView policyView;
  private Officers officers;
  private OfficerActions officerActions;
  private ScheduledExecutorService policyScheduler;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    settings = BridgeSettings.from(ConfigProvider.getConfig());
    metrics = new BridgeMetrics();
    Clock clock = Clock.systemUTC();
    bridgeDatabase = AuditDatabase.dataSource(settings.audit());
    try {
      BridgeSchema.migrate(bridgeDatabase);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot migrate the bridge's database: " + e.getMessage(), null);
    }
    openAudit(clock);
    events = new BridgeEvents(metrics, audit);
    events.record(
        "bridge.started",
        Map.of(
            "version", version(),
            "profile", settings.profile().toString(),
            "backend", settings.backend().toString()));
    backend =
        settings.backend() == BackendKind.PKCS11
            ? Pkcs11KeyBackend.start(settings.pkcs11().orElseThrow(), events)
            : new DemoSoftwareKeyBackend(settings.software().orElseThrow());
    metrics.linkChanged(backend.connected());
    checkpointSigner = checkpointSigner(settings.audit().signer());
    scheduleAudit(clock);
    try {
      registry =
          new KeyStoreRegistry(
              settings.keyStoresFile(),
              settings.keyStoresReloadInterval(),
              settings.profile() == Profile.PRODUCTION,
              System::nanoTime,
              this::keyStoresReloaded);
      startPolicy(clock);
    } catch (IOException e) {
      backend.close();
      closeAudit();
      throw new UncheckedIOException("cannot start: " + e.getMessage(), null);
    }
    authenticator =
        new CallerAuthenticator(
            settings.sigv4Region(),
            Clock.systemUTC(),
            settings.maxClockSkew(),
            settings.mtlsRequired());
    dispatcher =
        new XksDispatcher(
            registry,
            authenticator,
            new RateLimiter(System::nanoTime),
            new XksRequestParser(settings.limits()),
            new XksKeyService(backend),
            new DeepHealthCheck(
                backend,
                settings.canaryKeyLabel(),
                settings.healthCacheTtl(),
                settings.healthDegradedAbove(),
                System::nanoTime),
            new HealthIdentity(
                settings.fleetSize(), "Sovereign Stamp", "Sovereign Stamp HSM bridge " + version()),
            metrics,
            audit,
            policyView::current,
            clock,
            System::nanoTime);
    // Payara Micro does not undeploy on SIGTERM, so @PreDestroy alone would not run at a stop.
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "bridge-stop"));
    LOG.info(
        "HSM bridge started: profile "
            + settings.profile()
            + ", backend "
            + backend.kind()
            + ", mutual TLS "
            + (settings.mtlsRequired() ? "required" : "optional")
            + ", HSM link "
            + (backend.connected() ? "up" : "down (reconnecting)")
            + ", audit trail "
            + (settings.audit().enabled() ? "on" : "OFF"));
  }

  /** Opens the audit database (a start without it fails) and schedules the flush of read counts. */
  private void openAudit(Clock clock) {
    if (!settings.audit().enabled()) {
      LOG.warning("the audit trail is OFF (bridge.audit.enabled=false): for benchmarks only");
      audit = AuditTrail.off();
      return;
    }
    try {
      auditDatabase = Optional.of(AuditDatabase.open(settings.audit(), clock));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot open the audit log: " + e.getMessage(), null);
    }
    audit = new AuditTrail(auditDatabase.get(), clock, settings.audit().readWindow());
  }

  /**
   * Starts the audit trail's timers: read counts flushed every second once their window closed, a
   * signed checkpoint every {@code bridge.audit.checkpoint-interval} (and one at start).
   */
  private void scheduleAudit(Clock clock) {
    if (auditDatabase.isEmpty()) {
      return;
    }
    AuditDatabase db = auditDatabase.get();
    checkpoints =
        new Checkpoints(
            db.log(),
            new CheckpointStore(db.dataSource(), clock),
            checkpointSigner,
            settings.audit().origin(),
            clock);
    auditScheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bridge-audit-scheduler");
              t.setDaemon(true);
              return t;
            });
    auditScheduler.scheduleWithFixedDelay(() -> flushReads(false), 1, 1, TimeUnit.SECONDS);
    long every = settings.audit().checkpointInterval().toMillis();
    auditScheduler.scheduleWithFixedDelay(
        this::scheduledCheckpoint, 0, every, TimeUnit.MILLISECONDS);
  }

  /**
   * The officers' policy: seeded from the key-store file if that is configured and the store is
   * empty, the file's keys made known to it, this instance's view refreshed every {@code
   * bridge.policy.refresh-interval}, and the officers read from their file.
   */
  private void startPolicy(Clock clock) throws IOException {
    DataSource policyDatabase =
        settings.officers().policyDatabase().map(AuditDatabase::dataSource).orElse(bridgeDatabase);
    if (policyDatabase != bridgeDatabase) {
      try {
        BridgeSchema.migrate(policyDatabase);
      } catch (SQLException e) {
        throw new IOException("cannot migrate the policy database: " + e.getMessage(), null);
      }
    }
    policyStore = new JdbcPolicyStore(policyDatabase);
    var stores = registry.all();
    if (settings.officers().seedFromKeyStores()
        && policyStore.seedIfEmpty(
            PolicySeed.keys(stores), PolicySeed.grants(stores), "seed:keystores")) {
      events.record(
          "policy.seeded", Map.of("keys", String.valueOf(PolicySeed.keys(stores).size())));
    }
    policyStore.addUnknownKeys(PolicySeed.keys(stores), "keystores");
    policyView = new PolicyView(policyStore);
    var o = settings.officers();
    officers =
        o.officersFile().isPresent()
            ? OfficersFile.read(
                o.officersFile().get(), o.approvalsRequired(), o.approvalMaxLifetime())
            : new Officers(java.util.List.of(), o.approvalsRequired(), o.approvalMaxLifetime());
    HsmKeyControl hsm =
        o.hsmRevocation()
            ? new Pkcs11KeyControl((Pkcs11KeyBackend) backend, this::labelOf)
            : HsmKeyControl.none();
    officerActions =
        new OfficerActions(
            policyStore,
            policyView,
            new DualControl(officers, settings.audit().origin()),
            hsm,
            events::record,
            clock);
    policyScheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bridge-policy-refresh");
              t.setDaemon(true);
              return t;
            });
    long every = o.refreshInterval().toMillis();
    policyScheduler.scheduleWithFixedDelay(
        this::refreshPolicy, every, every, TimeUnit.MILLISECONDS);
  }

  private void refreshPolicy() {
    try {
      policyView.refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the policy store could not be read; the last view stays in force", e);
    }
  }

  /** A reloaded key-store file may name keys the policy does not know yet: they become known. */
  private void keyStoresReloaded(boolean ok) {
    events.reloaded(ok);
    if (ok && policyStore != null) {
      try {
        policyStore.addUnknownKeys(PolicySeed.keys(registry.all()), "keystores");
        policyView.reload();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "new keys could not be added to the policy store", e);
      }
    }
  }

  /** The HSM label of a key the officers name. */
  private Optional<String> labelOf(com.sovereignstamp.bridge.policy.KeyRef key) {
    return registry.all().stream()
        .filter(s -> s.uriPrefix().equals(key.keyStore()))
        .findFirst()
        .flatMap(s -> s.key(key.keyId()))
        .map(com.sovereignstamp.bridge.keys.KeyDefinition::label);
  }

  private void scheduledCheckpoint() {
    try {
      SignedCheckpoint c = checkpointNow();
      LOG.fine("audit checkpoint at " + c.checkpoint().treeSize() + " entries");
    } catch (RuntimeException | SQLException e) {
      metrics.checkpointFailure();
      LOG.log(
          Level.SEVERE, "the audit log could not be checkpointed; retrying in " + RETRY + "s", e);
      if (!stopped) {
        auditScheduler.schedule(this::scheduledCheckpoint, RETRY, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Writes the read counts gathered so far, then signs (or returns the latest, if nothing was added
   * since) a checkpoint over the whole log.
   *
   * @throws IllegalStateException when the audit trail is off
   */
  public SignedCheckpoint checkpointNow() throws SQLException {
    if (checkpoints == null) {
      throw new IllegalStateException("the audit trail is off");
    }
    audit.flushReads(true);
    SignedCheckpoint c = checkpoints.checkpointNow();
    metrics.checkpointMade(c.checkpoint().treeSize());
    return c;
  }

  /** The key that signs the log's checkpoints and the witness's co-signatures. */
  private CheckpointSigner checkpointSigner(AuditSettings.SignerSettings signer) {
    if (signer instanceof AuditSettings.SignerSettings.Pkcs11Key p) {
      return new HsmCheckpointSigner((Pkcs11KeyBackend) backend, p.label());
    }
    AuditSettings.SignerSettings.KeyStoreFile file =
        (AuditSettings.SignerSettings.KeyStoreFile) signer;
    char[] password = null;
    try {
      password = Secrets.fromFile(file.passwordFile());
      return KeyStoreCheckpointSigner.open(file.file(), password, file.alias());
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot open the checkpoint key store "
              + file.file()
              + ": "
              + e.getClass().getSimpleName(),
          null);
    } finally {
      if (password != null) {
        java.util.Arrays.fill(password, '\0');
      }
    }
  }

  private void flushReads(boolean all) {
    try {
      audit.flushReads(all);
    } catch (AuditUnavailableException e) {
      LOG.log(Level.SEVERE, "the audit trail could not record counted reads; will retry", e);
    }
  }

  /** Stops the HSM link and closes the audit trail with its last counts and a stop event. */
  @PreDestroy
  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (auditScheduler != null) {
      auditScheduler.shutdownNow();
    }
    if (policyScheduler != null) {
      policyScheduler.shutdownNow();
    }
    if (audit != null) {
      flushReads(true);
      events.record("bridge.stopped", Map.of());
      if (checkpoints != null) {
        scheduledCheckpoint(); // the last one covers the stop itself
      }
    }
    if (backend != null) {
      backend.close();
    }
    closeAudit();
  }

  private void closeAudit() {
    auditDatabase.ifPresent(
        db -> {
          try {
            db.close();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    auditDatabase = Optional.empty();
  }

  public AuditTrail audit() {
    return audit;
  }

  public CheckpointSigner checkpointSigner() {
    return checkpointSigner;
  }

  /** The audit database, absent when the trail is off. */
  public Optional<AuditDatabase> auditDatabase() {
    return auditDatabase;
  }

  public BridgeSettings settings() {
    return settings;
  }

  public KeyBackend backend() {
    return backend;
  }

  public BridgeMetrics metrics() {
    return metrics;
  }

  public XksDispatcher dispatcher() {
    return dispatcher;
  }

  /** The key stores as the XKS API sees them (reloaded when the file changed). */
  public KeyStoreRegistry keyStores() {
    return registry;
  }

  /** Verifies SigV4 credentials and client certificates, as for XKS calls. */
  public CallerAuthenticator authenticator() {
    return authenticator;
  }

  /** Takes in a key-store file changed since the last check, so that officers see its keys. */
  public void reloadKeyStores() {
    registry.reloadIfModified();
  }

  public Officers officers() {
    return officers;
  }

  public OfficerActions officerActions() {
    return officerActions;
  }

  public PolicyView policyView() {
    return policyView;
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = BridgeRuntime.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
