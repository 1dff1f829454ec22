package com.sovereignstamp.appliance.config;

import com.sovereignstamp.audit.storage.JournalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The appliance's audit log checkpoints and their witness, the HSM bridge (keys {@code
 * stamp.audit.*}). The witness is reached with the bridge settings ({@code stamp.bridge.url}, its
 * CA and the appliance's client certificate).
 *
 * @param checkpointKeyFile {@code stamp.audit.checkpoint-key-file}: the key that signs the log's
 *     checkpoints, EC P-256, unencrypted PKCS#8 PEM, readable by the service's user only
 * @param origin {@code stamp.audit.origin}: the log's name in its checkpoints (default {@code
 *     sovereign-stamp/appliance/<region>}); the bridge's witness client entry names the same
 * @param witnessPublicKeyFile {@code stamp.audit.witness-public-key-file}: the bridge's co-signing
 *     public key (PEM), pinned at enrolment
 * @param witnessInterval {@code stamp.audit.witness-interval}: time between two witness rounds
 *     (default PT60S); the first runs shortly after start
 * @param witnessTimeout {@code stamp.audit.witness-timeout}: the budget of one witness call
 *     (default PT10S)
 * @param journal {@code stamp.audit.journal.dir} (with {@code stamp.audit.journal.fsync}, default
 *     false, and {@code stamp.audit.journal.table-interval}, default PT0.2S): when set, an event is
 *     durable once written to this append-only journal and is copied into the database within the
 *     interval (as the bridge's audit trail does); otherwise each batch of events is a database
 *     commit
 */
public record AuditSettings(
    Path checkpointKeyFile,
    String origin,
    Path witnessPublicKeyFile,
    Duration witnessInterval,
    Duration witnessTimeout,
    Optional<JournalSettings> journal) {
  public static final Duration DEFAULT_WITNESS_INTERVAL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_WITNESS_TIMEOUT = Duration.ofSeconds(10);

  public AuditSettings {
    Objects.requireNonNull(checkpointKeyFile, "checkpointKeyFile");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(witnessPublicKeyFile, "witnessPublicKeyFile");
    Objects.requireNonNull(witnessInterval, "witnessInterval");
    Objects.requireNonNull(witnessTimeout, "witnessTimeout");
    Objects.requireNonNull(journal, "journal");
  }

  /** The log's name when {@code stamp.audit.origin} is not set. */
  public static String defaultOrigin(String region) {
    return "sovereign-stamp/appliance/" + region;
  }
}
