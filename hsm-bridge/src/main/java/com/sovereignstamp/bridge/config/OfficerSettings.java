package com.sovereignstamp.bridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The security officers and their policy.
 *
 * @param officersFile {@code bridge.officers.file}: the officers' names and certificates; none: no
 *     officers (the admin API refuses everyone, nothing can be reinstated or granted)
 * @param approvalsRequired {@code bridge.officers.approvals-required}: M of the M-of-N
 * @param approvalMaxLifetime {@code bridge.officers.approval-max-lifetime}
 * @param adminPort {@code bridge.admin.listen.port}: the officers' listener (run-bridge sets it up)
 * @param seedFromKeyStores {@code bridge.policy.seed-from-keystores}: an empty policy store is
 *     seeded with grants for every credential in the key-store file (demo and tests)
 * @param refreshInterval {@code bridge.policy.refresh-interval}: how often this instance looks for
 *     changes another instance made
 * @param hsmRevocation {@code bridge.policy.hsm-revocation}: revocation also clears the key's
 *     encrypt/decrypt attributes in the HSM
 * @param watchMaxWait {@code bridge.policy.watch-max-wait}: the longest a watch is held open
 * @param policyDatabase {@code bridge.policy.jdbc.*}: where the policy is kept, if not in the audit
 *     trail's database (several instances share one policy, each keeps its own trail)
 */
public record OfficerSettings(
    Optional<Path> officersFile,
    int approvalsRequired,
    Duration approvalMaxLifetime,
    Optional<Integer> adminPort,
    boolean seedFromKeyStores,
    Duration refreshInterval,
    boolean hsmRevocation,
    Duration watchMaxWait,
    Optional<DatabaseSettings> policyDatabase) {

  public OfficerSettings {
    Objects.requireNonNull(officersFile, "officersFile");
    Objects.requireNonNull(adminPort, "adminPort");
    Objects.requireNonNull(policyDatabase, "policyDatabase");
    if (watchMaxWait.compareTo(Duration.ofSeconds(1)) < 0
        || watchMaxWait.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalStateException("bridge.policy.watch-max-wait must be between PT1S and PT5M");
    }
    if (refreshInterval.compareTo(Duration.ofMillis(10)) < 0
        || refreshInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalStateException(
          "bridge.policy.refresh-interval must be between PT0.01S and PT1M");
    }
  }

  /** No officers, no admin listener (benchmarks of the XKS path, unit tests). */
  public static OfficerSettings none() {
    return new OfficerSettings(
        Optional.empty(),
        2,
        Duration.ofHours(1),
        Optional.empty(),
        false,
        Duration.ofMillis(100),
        false,
        Duration.ofSeconds(60),
        Optional.empty());
  }
}
