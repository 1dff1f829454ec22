package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.application.HealthIdentity;
import com.sovereignstamp.bridge.application.XksDispatcher;
import com.sovereignstamp.bridge.auth.CallerAuthenticator;
import com.sovereignstamp.bridge.auth.KeyStoreRegistry;
import com.sovereignstamp.bridge.config.BackendKind;
import com.sovereignstamp.bridge.config.BridgeSettings;
import com.sovereignstamp.bridge.config.Profile;
import com.sovereignstamp.bridge.health.DeepHealthCheck;
import com.sovereignstamp.bridge.keys.KeyBackend;
import com.sovereignstamp.bridge.metrics.BridgeMetrics;
import com.sovereignstamp.bridge.pkcs11.Pkcs11KeyBackend;
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
import java.time.Clock;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the bridge once, when the application starts, and fails the deployment when the
 * configuration is not valid — a bridge that cannot serve keys correctly does not start.
 */
@ApplicationScoped
public class BridgeRuntime {
  private static final Logger LOG = Logger.getLogger(BridgeRuntime.class.getName());

  private BridgeSettings settings;
  private KeyBackend backend;
  private BridgeMetrics metrics;
  private XksDispatcher dispatcher;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    settings = BridgeSettings.from(ConfigProvider.getConfig());
    metrics = new BridgeMetrics();
    backend =
        settings.backend() == BackendKind.PKCS11
            ? Pkcs11KeyBackend.start(settings.pkcs11().orElseThrow(), metrics)
            : new DemoSoftwareKeyBackend(settings.software().orElseThrow());
    metrics.linkChanged(backend.connected());
    KeyStoreRegistry registry;
    try {
      registry =
          new KeyStoreRegistry(
              settings.keyStoresFile(),
              settings.keyStoresReloadInterval(),
              settings.profile() == Profile.PRODUCTION,
              System::nanoTime,
              metrics);
    } catch (IOException e) {
      backend.close();
      throw new UncheckedIOException("cannot load the key-store file: " + e.getMessage(), null);
    }
    dispatcher =
        new XksDispatcher(
            registry,
            new CallerAuthenticator(
                settings.sigv4Region(),
                Clock.systemUTC(),
                settings.maxClockSkew(),
                settings.mtlsRequired()),
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
            System::nanoTime);
    LOG.info(
        "HSM bridge started: profile "
            + settings.profile()
            + ", backend "
            + backend.kind()
            + ", mutual TLS "
            + (settings.mtlsRequired() ? "required" : "optional")
            + ", HSM link "
            + (backend.connected() ? "up" : "down (reconnecting)"));
  }

  @PreDestroy
  void stop() {
    if (backend != null) {
      backend.close();
    }
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
