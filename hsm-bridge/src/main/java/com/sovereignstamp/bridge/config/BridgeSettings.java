package com.sovereignstamp.bridge.config;

import com.sovereignstamp.audit.storage.JournalSettings;
import com.sovereignstamp.bridge.pkcs11.PinSource;
import com.sovereignstamp.bridge.pkcs11.Pkcs11Settings;
import com.sovereignstamp.bridge.xks.XksLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Every setting of the bridge, read and checked together at start. */
public record BridgeSettings(
    Profile profile,
    Path keyStoresFile,
    Duration keyStoresReloadInterval,
    String sigv4Region,
    Duration maxClockSkew,
    boolean mtlsRequired,
    BackendKind backend,
    Optional<Pkcs11Settings> pkcs11,
    Optional<SoftwareBackendSettings> software,
    String canaryKeyLabel,
    Duration healthCacheTtl,
    Duration healthDegradedAbove,
    int fleetSize,
    XksLimits limits,
    boolean baselineEndpoint,
    AuditSettings audit,
    WitnessSettings witness,
    OfficerSettings officers) {

  public static BridgeSettings from(Config c) {
    Profile profile =
        enumValue(
            Profile.class, c.getOptionalValue("bridge.profile", String.class).orElse("production"));
    BackendKind backend =
        enumValue(
            BackendKind.class, c.getOptionalValue("bridge.backend", String.class).orElse("pkcs11"));
    BridgeSettings s =
        new BridgeSettings(
            profile,
            Path.of(c.getValue("bridge.keystores.file", String.class)),
            duration(c, "bridge.keystores.reload-interval", "PT1S"),
            c.getValue("bridge.sigv4.region", String.class),
            duration(c, "bridge.sigv4.max-skew", "PT5M"),
            c.getOptionalValue("bridge.mtls.required", Boolean.class).orElse(true),
            backend,
            backend == BackendKind.PKCS11 ? Optional.of(pkcs11(c)) : Optional.empty(),
            backend == BackendKind.SOFTWARE ? Optional.of(software(c)) : Optional.empty(),
            c.getValue("bridge.health.canary-key-label", String.class),
            duration(c, "bridge.health.cache-ttl", "PT2S"),
            duration(c, "bridge.health.degraded-latency", "PT0.1S"),
            c.getOptionalValue("bridge.health.fleet-size", Integer.class).orElse(1),
            new XksLimits(
                c.getOptionalValue("bridge.xks.max-plaintext-bytes", Integer.class).orElse(8192),
                c.getOptionalValue("bridge.xks.max-aad-bytes", Integer.class).orElse(16384)),
            c.getOptionalValue("bridge.bench.baseline-endpoint", Boolean.class).orElse(false),
            audit(c, backend),
            new WitnessSettings(
                c.getOptionalValue("bridge.witness.clients-file", String.class).map(Path::of)),
            new OfficerSettings(
                c.getOptionalValue("bridge.officers.file", String.class).map(Path::of),
                c.getOptionalValue("bridge.officers.approvals-required", Integer.class).orElse(2),
                duration(c, "bridge.officers.approval-max-lifetime", "PT1H"),
                c.getOptionalValue("bridge.admin.listen.port", Integer.class),
                c.getOptionalValue("bridge.policy.seed-from-keystores", Boolean.class)
                    .orElse(false),
                duration(c, "bridge.policy.refresh-interval", "PT0.1S"),
                c.getOptionalValue("bridge.policy.hsm-revocation", Boolean.class).orElse(false),
                duration(c, "bridge.policy.watch-max-wait", "PT60S"),
                c.getOptionalValue("bridge.policy.jdbc.url", String.class)
                    .filter(u -> !u.isBlank())
                    .map(
                        url ->
                            new DatabaseSettings(
                                url,
                                c.getOptionalValue("bridge.policy.jdbc.user", String.class)
                                    .orElse(""),
                                c.getOptionalValue("bridge.policy.jdbc.password-file", String.class)
                                    .map(Path::of)))));
    s.check();
    return s;
  }

  /** Rules across settings; production refuses whatever would weaken custody. */
  void check() {
    if (healthCacheTtl.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalStateException("bridge.health.cache-ttl may not exceed one minute (XKS)");
    }
    if (fleetSize < 1) {
      throw new IllegalStateException("bridge.health.fleet-size must be at least 1");
    }
    if (officers.hsmRevocation() && backend != BackendKind.PKCS11) {
      throw new IllegalStateException("bridge.policy.hsm-revocation needs the PKCS#11 backend");
    }
    if (profile != Profile.PRODUCTION) {
      return;
    }
    if (!mtlsRequired) {
      throw new IllegalStateException("the production profile requires bridge.mtls.required=true");
    }
    if (backend == BackendKind.SOFTWARE) {
      throw new IllegalStateException(
          "the software key backend is for demos only; the production profile refuses it");
    }
    if (baselineEndpoint) {
      throw new IllegalStateException("bridge.bench.baseline-endpoint is refused in production");
    }
    if (!audit.enabled()) {
      throw new IllegalStateException("the production profile requires bridge.audit.enabled=true");
    }
    if (officers.seedFromKeyStores()) {
      throw new IllegalStateException(
          "bridge.policy.seed-from-keystores is refused in production: the officers grant");
    }
  }

  private static AuditSettings audit(Config c, BackendKind backend) {
    boolean enabled = c.getOptionalValue("bridge.audit.enabled", Boolean.class).orElse(true);
    String signer =
        c.getOptionalValue("bridge.audit.signer", String.class)
            .orElse(backend == BackendKind.PKCS11 ? "pkcs11" : "keystore");
    AuditSettings.SignerSettings signerSettings =
        switch (signer.trim()) {
          case "pkcs11" -> {
            if (backend != BackendKind.PKCS11) {
              throw new IllegalStateException(
                  "bridge.audit.signer=pkcs11 needs the PKCS#11 backend's token");
            }
            yield new AuditSettings.SignerSettings.Pkcs11Key(
                c.getOptionalValue("bridge.audit.signer.label", String.class)
                    .orElse("stamp-audit-checkpoint"));
          }
          case "keystore" ->
              new AuditSettings.SignerSettings.KeyStoreFile(
                  Path.of(c.getValue("bridge.audit.signer.keystore-file", String.class)),
                  c.getOptionalValue("bridge.audit.signer.alias", String.class)
                      .orElse("audit-checkpoint"),
                  Path.of(c.getValue("bridge.audit.signer.password-file", String.class)));
          default ->
              throw new IllegalStateException(
                  "bridge.audit.signer must be pkcs11 or keystore, was '" + signer + "'");
        };
    return new AuditSettings(
        enabled,
        c.getValue("bridge.audit.jdbc.url", String.class),
        c.getOptionalValue("bridge.audit.jdbc.user", String.class).orElse(""),
        c.getOptionalValue("bridge.audit.jdbc.password-file", String.class).map(Path::of),
        c.getOptionalValue("bridge.audit.max-batch", Integer.class).orElse(512),
        duration(c, "bridge.audit.append-timeout", "PT2S"),
        journal(c),
        duration(c, "bridge.audit.read-window", "PT1M"),
        duration(c, "bridge.audit.checkpoint-interval", "PT5M"),
        c.getOptionalValue("bridge.audit.origin", String.class)
            .orElse("sovereign-stamp/hsm-bridge"),
        signerSettings,
        subjects(c, "bridge.audit.auditor-subjects"));
  }

  private static Optional<JournalSettings> journal(Config c) {
    Optional<String> dir =
        c.getOptionalValue("bridge.audit.journal.dir", String.class).filter(d -> !d.isBlank());
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    Duration interval = duration(c, "bridge.audit.journal.table-interval", "PT0.2S");
    if (interval.compareTo(Duration.ofMillis(10)) < 0
        || interval.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalStateException(
          "bridge.audit.journal.table-interval must be between PT0.01S and PT10S");
    }
    return Optional.of(
        new JournalSettings(
            Path.of(dir.get()),
            c.getOptionalValue("bridge.audit.journal.fsync", Boolean.class).orElse(false),
            interval));
  }

  private static Pkcs11Settings pkcs11(Config c) {
    Optional<String> pinFile = c.getOptionalValue("bridge.pkcs11.pin-file", String.class);
    PinSource pin =
        pinFile.isPresent()
            ? new PinSource.FromFile(Path.of(pinFile.get()))
            : new PinSource.FromEnvironment(
                c.getOptionalValue("bridge.pkcs11.pin-env", String.class)
                    .orElse("BRIDGE_PKCS11_PIN"));
    return new Pkcs11Settings(
        Path.of(c.getValue("bridge.pkcs11.library", String.class)),
        c.getOptionalValue("bridge.pkcs11.token-label", String.class),
        c.getOptionalValue("bridge.pkcs11.slot", Long.class),
        pin,
        c.getOptionalValue("bridge.pkcs11.sessions", Integer.class).orElse(4),
        duration(c, "bridge.pkcs11.call-timeout", "PT0.2S"),
        duration(c, "bridge.pkcs11.reconnect-interval", "PT0.5S"));
  }

  private static SoftwareBackendSettings software(Config c) {
    return new SoftwareBackendSettings(
        Path.of(c.getValue("bridge.software.keystore-file", String.class)),
        Path.of(c.getValue("bridge.software.password-file", String.class)));
  }

  /** Distinguished names contain commas, so lists of them are separated by semicolons. */
  static java.util.List<String> subjects(Config c, String key) {
    return c.getOptionalValue(key, String.class).stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(";")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  private static Duration duration(Config c, String key, String fallback) {
    String v = c.getOptionalValue(key, String.class).orElse(fallback);
    try {
      return Duration.parse(v);
    } catch (RuntimeException e) {
      throw new IllegalStateException(key + " must be an ISO-8601 duration such as PT0.5S", e);
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("unknown " + type.getSimpleName() + " '" + value + "'", e);
    }
  }
}
