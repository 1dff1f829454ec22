package com.sovereignstamp.bridge.config;

import com.sovereignstamp.audit.storage.JournalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bridge's audit trail: where it is stored, how it is signed, how often it is checkpointed.
 *
 * @param enabled false only for benchmarks and demos (production refuses it)
 * @param jdbcUrl the database holding the log (H2 file or PostgreSQL)
 * @param jdbcUser the database user (may be empty for H2)
 * @param jdbcPasswordFile a file whose first line is the database password, if one is needed
 * @param maxBatch the most entries one commit takes
 * @param appendTimeout how long a call may wait for its entry to become durable before it fails
 * @param journal the append-only journal in front of the entry table, if one is configured (each
 *     batch of entries one file write instead of one database commit)
 * @param readWindow the period over which successful key-status reads are counted in one entry
 * @param checkpointInterval how often a signed checkpoint is made
 * @param origin the log's name in its checkpoints
 * @param signer the checkpoint signing key
 * @param auditorSubjects client certificate subjects allowed to export the log and ask for a
 *     checkpoint
 */
public record AuditSettings(
    boolean enabled,
    String jdbcUrl,
    String jdbcUser,
    Optional<Path> jdbcPasswordFile,
    int maxBatch,
    Duration appendTimeout,
    Optional<JournalSettings> journal,
    Duration readWindow,
    Duration checkpointInterval,
    String origin,
    SignerSettings signer,
    List<String> auditorSubjects) {

  public AuditSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (maxBatch < 1 || maxBatch > 10_000) {
      throw new IllegalStateException("bridge.audit.max-batch must be between 1 and 10000");
    }
    if (appendTimeout.isNegative() || appendTimeout.isZero()) {
      throw new IllegalStateException("bridge.audit.append-timeout must be positive");
    }
    if (readWindow.compareTo(Duration.ofSeconds(1)) < 0
        || readWindow.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalStateException("bridge.audit.read-window must be between PT1S and PT1H");
    }
    if (checkpointInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalStateException("bridge.audit.checkpoint-interval must be at least PT1S");
    }
    auditorSubjects = List.copyOf(auditorSubjects);
    for (String subject : auditorSubjects) {
      try {
        new javax.security.auth.x500.X500Principal(subject);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "bridge.audit.auditor-subjects: not a distinguished name: " + subject, e);
      }
    }
  }

  /** The checkpoint key: in the PKCS#11 token, or in a BC FIPS key store file. */
  public sealed interface SignerSettings {
    /** An EC P-256 key, found by label, in the bridge's own PKCS#11 token. */
    record Pkcs11Key(String label) implements SignerSettings {}

    /** An EC P-256 key in a BCFKS file, its password in another file. */
    record KeyStoreFile(Path file, String alias, Path passwordFile) implements SignerSettings {}
  }
}
