package com.sovereignstamp.appliance.sso;

import com.sovereignstamp.appliance.config.SsoSettings;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps a local copy of the identity provider's signing keys (its JWKS) in the file MicroProfile
 * JWT reads them from. Fetched at start and every {@code stamp.sso.jwks-refresh} (every second
 * while there is no copy yet), so keys the provider adds when it rotates are accepted within one
 * refresh plus the runtime's own short cache, instead of the runtime's default five minutes.
 *
 * <p>Only signature keys of a type the runtime verifies (RSA, EC) with a key id are kept. A failed
 * fetch or an answer that is not such a key set keeps the last good copy: tokens signed with known
 * keys go on being accepted while the provider is unreachable. The file is replaced atomically and
 * only when the keys changed.
 */
public final class JwksMirror implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JwksMirror.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final int MAX_BYTES = 1 << 20;
  private static final Set<String> KEY_TYPES = Set.of("RSA", "EC");
  private static final Duration RETRY_WITHOUT_COPY = Duration.ofSeconds(1);

  private final HttpClient http;
  private final URI source;
  private final Path target;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final AtomicReference<String> current = new AtomicReference<>();
  private final AtomicReference<List<String>> keyIds = new AtomicReference<>(List.of());
  private final AtomicReference<Instant> lastRefresh = new AtomicReference<>();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean failing;

  JwksMirror(HttpClient http, SsoSettings settings, Clock clock) {
    this.http = http;
    this.source = settings.jwksUrl();
    this.target = settings.jwksFile();
    this.interval = settings.refreshInterval();
    this.timeout = settings.timeout();
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sso-jwks-refresh");
              t.setDaemon(true);
              return t;
            });
  }

  /** A mirror fetching through {@code http}, started: the first fetch runs at once. */
  public static JwksMirror start(HttpClient http, SsoSettings settings) {
    JwksMirror mirror = new JwksMirror(http, settings, Clock.systemUTC());
    mirror.readExistingCopy();
    mirror.scheduler.execute(mirror::refreshAndReschedule);
    return mirror;
  }

  private void refreshAndReschedule() {
    refresh();
    Duration next = current.get() == null ? RETRY_WITHOUT_COPY : interval;
    try {
      scheduler.schedule(this::refreshAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // closed
    }
  }

  /** Fetches the keys once; true if the copy now holds the provider's current keys. */
  boolean refresh() {
    try {
      HttpResponse<byte[]> answer =
          http.send(
              HttpRequest.newBuilder(source)
                  .timeout(timeout)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new IOException("the identity provider answered HTTP " + answer.statusCode());
      }
      if (answer.body().length > MAX_BYTES) {
        throw new IOException("the key set is larger than " + MAX_BYTES + " bytes");
      }
      KeySet keys = KeySet.parse(new String(answer.body(), StandardCharsets.UTF_8));
      if (!keys.json().equals(current.get())) {
        write(keys.json());
        current.set(keys.json());
        keyIds.set(keys.ids());
        // labelled "kid=": the log redaction keeps a key id readable even where it looks like a key
        LOG.info(
            () ->
                "identity provider signing keys: "
                    + keys.ids().stream().map(id -> "kid=" + id).collect(Collectors.joining(", ")));
      }
      lastRefresh.set(clock.instant());
      if (failing) {
        failing = false;
        LOG.info("the identity provider's signing keys can be fetched again");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      failed(e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void failed(String why) {
    failures.incrementAndGet();
    if (!failing) {
      failing = true;
      String consequence =
          current.get() == null
              ? "no token is accepted until they can"
              : "the last fetched keys stay in use";
      LOG.warning(
          () ->
              "the identity provider's signing keys cannot be fetched from "
                  + source
                  + " ("
                  + why
                  + "); "
                  + consequence);
    }
  }

  private void readExistingCopy() {
    try {
      if (Files.isRegularFile(target)) {
        KeySet keys = KeySet.parse(Files.readString(target, StandardCharsets.UTF_8));
        current.set(keys.json());
        keyIds.set(keys.ids());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warning("the mirrored key set " + target + " is not usable and will be replaced");
    }
  }

  private void write(String json) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".jwks-", ".tmp");
    try {
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The key ids of the current copy. */
  public List<String> keyIds() {
    return keyIds.get();
  }

  /** When the provider last answered with a usable key set. */
  public Optional<Instant> lastRefresh() {
    return Optional.ofNullable(lastRefresh.get());
  }

  /** Fetches that failed since start. */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** The usable part of a JWKS, in a stable form. */
  record KeySet(String json, List<String> ids) {
    static KeySet parse(String text) {
      JsonObject jwks;
      try (var reader = JSON.createReader(new StringReader(text))) {
        jwks = reader.readObject();
      } catch (JsonException | IllegalStateException e) {
        throw new IllegalArgumentException("the answer is not a JSON key set");
      }
      JsonValue keys = jwks.get("keys");
      if (!(keys instanceof JsonArray array)) {
        throw new IllegalArgumentException("the answer has no \"keys\" array");
      }
      var kept = JSON.createArrayBuilder();
      var ids = new java.util.ArrayList<String>();
      for (JsonValue v : array) {
        if (v instanceof JsonObject key
            && text(key, "kid") != null
            && KEY_TYPES.contains(text(key, "kty"))
            && (key.get("use") == null || "sig".equals(text(key, "use")))) {
          kept.add(key);
          ids.add(text(key, "kid"));
        }
      }
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("the key set holds no signature key");
      }
      return new KeySet(
          JSON.createObjectBuilder().add("keys", kept).build().toString(), List.copyOf(ids));
    }

    private static String text(JsonObject o, String name) {
      return o.get(name) instanceof JsonString s ? s.getString() : null;
    }
  }
}
