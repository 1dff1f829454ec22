package com.sovereignstamp.appliance.config;

import com.sovereignstamp.appliance.keys.DekCacheSettings;
import com.sovereignstamp.appliance.mode.ModeMonitorSettings;
import com.sovereignstamp.appliance.residency.ResidencyPolicy;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.audit.storage.JournalSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
    SsoSettings sso,
    AuditSettings audit,
    ModeMonitorSettings modeMonitor,
    ResidencyPolicy residency) {
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
    SsoSettings sso = sso(r, profile);
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
        sso,
        audit,
        modeMonitor(r),
        residency);
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

  private static SsoSettings sso(Reader r, Profile profile) {
    String issuer = r.required("mp.jwt.verify.issuer");
    URI jwksUrl;
    try {
      jwksUrl =
          r.optional("stamp.sso.jwks-url")
              .map(URI::create)
              .orElse(SsoSettings.defaultJwksUrl(issuer));
    } catch (IllegalArgumentException e) {
      throw new SettingsException("stamp.sso.jwks-url is not a URL: " + e.getMessage());
    }
    if (!"https".equals(jwksUrl.getScheme()) && !"http".equals(jwksUrl.getScheme())) {
      throw new SettingsException(
          "stamp.sso.jwks-url must be an https (or, but for production, http) URL");
    }
    if (profile == Profile.PRODUCTION
        && (!issuer.startsWith("https://") || !"https".equals(jwksUrl.getScheme()))) {
      throw new SettingsException(
          "mp.jwt.verify.issuer / stamp.sso.jwks-url: production trusts an issuer over https only");
    }
    String location = r.required("mp.jwt.verify.publickey.location");
    Path jwksFile;
    try {
      URI uri = URI.create(location);
      if (!"file".equals(uri.getScheme())) {
        throw new IllegalArgumentException("not a file: URL");
      }
      jwksFile = Path.of(uri);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "mp.jwt.verify.publickey.location must be a file: URL (the appliance mirrors the"
              + " issuer's keys there from stamp.sso.jwks-url), not "
              + location);
    }
    Duration refresh = r.duration("stamp.sso.jwks-refresh", SsoSettings.DEFAULT_REFRESH);
    if (refresh.compareTo(Duration.ofSeconds(1)) < 0
        || refresh.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new SettingsException("stamp.sso.jwks-refresh must be between PT1S and PT5M");
    }
    List<String> audiences =
        Arrays.stream(r.optional("mp.jwt.verify.audiences").orElse("").split(","))
            .map(String::trim)
            .filter(a -> !a.isEmpty())
            .toList();
    if (audiences.isEmpty()) {
      throw new SettingsException("mp.jwt.verify.audiences must name the API's audience");
    }
    return new SsoSettings(
        issuer,
        audiences,
        jwksUrl,
        r.optional("stamp.sso.ca-file").map(Path::of),
        jwksFile,
        refresh,
        r.duration("stamp.sso.timeout", SsoSettings.DEFAULT_TIMEOUT));
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
