package com.sovereignstamp.appliance.config;

import com.sovereignstamp.appliance.keys.DekCacheSettings;
import com.sovereignstamp.appliance.mode.ModeMonitorSettings;
import com.sovereignstamp.appliance.residency.ResidencyPolicy;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.audit.storage.JournalSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the appliance, read once at start from MicroProfile Config and checked; a
 * mistake stops the start with a message naming the key. The keys and their defaults are listed in
 * docs/appliance.md. The region and what degraded mode serves come from the residency policy file
 * ({@code stamp.residency.policy-file}), the only place they are set.
 *
 * @param tokenKeyUrl {@code mp.jwt.verify.publickey.location} when it is an http(s) URL: Payara
 *     fetches the token signing keys from there itself, so the start checks it against the egress
 *     allowlist
 */
public record ApplianceSettings(
    Profile profile,
    StampIdentity identity,
    String jdbcUrl,
    String jdbcUser,
    Optional<Path> jdbcPasswordFile,
    int jdbcPoolSize,
    BridgeSettings bridge,
    DekCacheSettings dekCache,
    long maxDocumentSize,
    Duration collectionCacheTtl,
    String tokenIssuer,
    AuditSettings audit,
    ModeMonitorSettings modeMonitor,
    ResidencyPolicy residency,
    Optional<URI> tokenKeyUrl) {
  /** Issuers under this prefix are the demo's own; production refuses them. */
  public static final String DEMO_ISSUER_PREFIX = "urn:sovereign-stamp:demo";

  public static final long DEFAULT_MAX_DOCUMENT_SIZE = 2L * 1024 * 1024 * 1024;

  public static ApplianceSettings from(Config config) {
    Reader r = new Reader(config);
    Profile profile = r.profile();
    refuseMovedKeys(r);
    ResidencyPolicy residency = ResidencyPolicyFile.read(r.path(ResidencyPolicyFile.KEY));
    StampIdentity identity;
    try {
      identity = new StampIdentity(r.required("stamp.id"), residency.region());
    } catch (IllegalArgumentException e) {
      throw new SettingsException("stamp.id: " + e.getMessage());
    }
    String jdbcUrl = r.required("stamp.db.url");
    if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
      throw new SettingsException("stamp.db.url must be a PostgreSQL (jdbc:postgresql:) URL");
    }
    if (profile == Profile.PRODUCTION && jdbcUrl.startsWith("jdbc:h2:")) {
      throw new SettingsException(
          "stamp.db.url: the production profile runs on PostgreSQL only, not on H2");
    }
    BridgeSettings bridge =
        new BridgeSettings(
            r.required("stamp.bridge.url"),
            r.optional("stamp.bridge.uri-prefix").orElse(""),
            r.optional("stamp.bridge.sigv4-region").orElse(identity.region()),
            r.required("stamp.bridge.access-key-id"),
            r.path("stamp.bridge.secret-file"),
            r.path("stamp.bridge.ca-file"),
            r.paths("stamp.bridge.pinned-certificate-files"),
            r.path("stamp.bridge.client-cert-file"),
            r.path("stamp.bridge.client-key-file"),
            r.duration("stamp.bridge.timeout", Duration.ofMillis(250)),
            r.optional("stamp.bridge.principal-arn")
                .orElse("arn:aws:iam::111122223333:role/sovereign-stamp-" + identity.stampId()),
            r.required("stamp.cmk.key-id"));
    if (profile == Profile.PRODUCTION) {
      if (!bridge.url().startsWith("https://")) {
        throw new SettingsException("stamp.bridge.url: production needs https (mutual TLS)");
      }
      if (bridge.pinnedCertificateFiles().isEmpty()) {
        throw new SettingsException(
            "stamp.bridge.pinned-certificate-files: production pins the bridge's certificate");
      }
    }
    DekCacheSettings cache;
    try {
      cache =
          new DekCacheSettings(
              r.duration("stamp.dek-cache.soft-ttl", DekCacheSettings.DEFAULT_SOFT_TTL),
              r.duration("stamp.dek-cache.hard-ttl", DekCacheSettings.DEFAULT_HARD_TTL));
    } catch (IllegalArgumentException e) {
      throw new SettingsException("stamp.dek-cache: " + e.getMessage());
    }
    String issuer = r.required("mp.jwt.verify.issuer");
    if (profile == Profile.PRODUCTION && issuer.startsWith(DEMO_ISSUER_PREFIX)) {
      throw new SettingsException(
          "mp.jwt.verify.issuer: the demo token issuer cannot be used in production");
    }
    long maxSize = r.positiveLong("stamp.documents.max-size", DEFAULT_MAX_DOCUMENT_SIZE);
    AuditSettings audit =
        new AuditSettings(
            r.path("stamp.audit.checkpoint-key-file"),
            r.optional("stamp.audit.origin").orElse(AuditSettings.defaultOrigin(identity.region())),
            r.path("stamp.audit.witness-public-key-file"),
            r.duration("stamp.audit.witness-interval", AuditSettings.DEFAULT_WITNESS_INTERVAL),
            r.duration("stamp.audit.witness-timeout", AuditSettings.DEFAULT_WITNESS_TIMEOUT),
            r.optional("stamp.audit.journal.dir")
                .map(
                    dir ->
                        new JournalSettings(
                            Path.of(dir),
                            r.bool("stamp.audit.journal.fsync", false),
                            r.duration(
                                "stamp.audit.journal.table-interval", Duration.ofMillis(200)))));
    return new ApplianceSettings(
        profile,
        identity,
        jdbcUrl,
        r.optional("stamp.db.user").orElse(""),
        r.optional("stamp.db.password-file").map(Path::of),
        (int) r.positiveLong("stamp.db.pool-size", 16),
        bridge,
        cache,
        maxSize,
        r.duration("stamp.collections.cache-ttl", Duration.ofSeconds(5)),
        issuer,
        audit,
        modeMonitor(r),
        residency,
        tokenKeyUrl(r));
  }

  /** Keys whose values now live in the residency policy file: one place for each. */
  private static final Map<String, String> MOVED_TO_POLICY =
      Map.of(
          "stamp.region", "\"region\"",
          "stamp.degraded.classifications", "\"degradedModeServes\"");

  private static void refuseMovedKeys(Reader r) {
    MOVED_TO_POLICY.forEach(
        (key, policyKey) -> {
          if (r.optional(key).isPresent()) {
            throw new SettingsException(
                key
                    + " is no longer read: set "
                    + policyKey
                    + " in the residency policy file ("
                    + ResidencyPolicyFile.KEY
                    + ") and remove "
                    + key);
          }
        });
  }

  private static Optional<URI> tokenKeyUrl(Reader r) {
    return r.optional("mp.jwt.verify.publickey.location")
        .filter(v -> v.startsWith("https://") || v.startsWith("http://"))
        .map(
            v -> {
              try {
                return new URI(v);
              } catch (URISyntaxException e) {
                throw new SettingsException("mp.jwt.verify.publickey.location is not a URL");
              }
            });
  }

  private static ModeMonitorSettings modeMonitor(Reader r) {
    ModeMonitorSettings m =
        new ModeMonitorSettings(
            r.duration("stamp.mode.watch-wait", Duration.ofSeconds(25)),
            r.duration("stamp.mode.poll-interval", Duration.ofSeconds(5)),
            r.duration("stamp.mode.retry-delay", Duration.ofSeconds(1)));
    if (m.watchWait().compareTo(Duration.ofMinutes(5)) > 0) {
      throw new SettingsException("stamp.mode.watch-wait must be at most PT5M");
    }
    return m;
  }

  /** Reads and checks single values. */
  private static final class Reader {
    private final Config config;

    Reader(Config config) {
      this.config = config;
    }

    Optional<String> optional(String key) {
      return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    String required(String key) {
      return optional(key).orElseThrow(() -> new SettingsException(key + " is not set"));
    }

    Path path(String key) {
      return Path.of(required(key));
    }

    List<Path> paths(String key) {
      List<Path> out = new ArrayList<>();
      optional(key)
          .ifPresent(
              v -> {
                for (String p : v.split(",")) {
                  if (!p.isBlank()) {
                    out.add(Path.of(p.trim()));
                  }
                }
              });
      return List.copyOf(out);
    }

    Duration duration(String key, Duration fallback) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      try {
        Duration d = Duration.parse(v.get());
        if (d.isNegative() || d.isZero()) {
          throw new SettingsException(key + " must be positive");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw new SettingsException(key + " must be an ISO-8601 duration such as PT60S");
      }
    }

    long positiveLong(String key, long fallback) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      try {
        long n = Long.parseLong(v.get());
        if (n < 1) {
          throw new SettingsException(key + " must be at least 1");
        }
        return n;
      } catch (NumberFormatException e) {
        throw new SettingsException(key + " must be a whole number");
      }
    }

    boolean bool(String key, boolean fallback) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      if (!v.get().equals("true") && !v.get().equals("false")) {
        throw new SettingsException(key + " must be true or false");
      }
      return Boolean.parseBoolean(v.get());
    }

    Profile profile() {
      String p = optional("stamp.profile").orElse("production").toUpperCase(Locale.ROOT);
      try {
        return Profile.valueOf(p);
      } catch (IllegalArgumentException e) {
        throw new SettingsException("stamp.profile must be demo or production");
      }
    }
  }
}
