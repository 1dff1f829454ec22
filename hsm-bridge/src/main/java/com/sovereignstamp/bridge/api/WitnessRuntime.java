package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.config.BridgeSettings;
import com.sovereignstamp.bridge.persistence.AuditDatabase;
import com.sovereignstamp.bridge.persistence.JdbcWitnessedCheckpoints;
import com.sovereignstamp.bridge.witness.Witness;
import com.sovereignstamp.bridge.witness.WitnessClients;
import com.sovereignstamp.bridge.witness.WitnessClientsFile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds the witness once the bridge has started (it needs the bridge's audit database, trail,
 * metrics and checkpoint key): reads the witness clients file and brings the bridge's tables up to
 * date. A file or database it cannot read fails the start. Without an audit trail there is no
 * witness: every witness call is answered 503.
 */
@ApplicationScoped
public class WitnessRuntime {
  private static final Logger LOG = Logger.getLogger(WitnessRuntime.class.getName());

  @Inject BridgeRuntime bridge;
  private Witness witness;

  /** After {@link BridgeRuntime}'s own start, which observes the same event at default priority. */
  void start(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 600)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    BridgeSettings settings = bridge.settings();
    Optional<AuditDatabase> db = bridge.auditDatabase();
    if (db.isEmpty()) {
      LOG.warning("the witness is OFF: it records in the audit trail, which is off");
      return;
    }
    WitnessClients clients =
        settings.witness().clientsFile().map(WitnessRuntime::clients).orElse(WitnessClients.none());
    // the bridge's tables were migrated by BridgeRuntime at start
    witness =
        new Witness(
            clients,
            new JdbcWitnessedCheckpoints(db.get().dataSource()),
            bridge.checkpointSigner(),
            settings.audit().origin(),
            Clock.systemUTC(),
            bridge.audit()::event,
            bridge.metrics());
    LOG.info("witness on for " + clients.all().size() + " client(s)");
  }

  /** The witness; empty while the audit trail is off. */
  public Optional<Witness> witness() {
    return Optional.ofNullable(witness);
  }

  private static WitnessClients clients(Path file) {
    try {
      return WitnessClientsFile.read(file);
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), null);
    }
  }
}
