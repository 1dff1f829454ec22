package com.sovereignstamp.bridge.health;

import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.HsmFailureException;
import com.sovereignstamp.bridge.keys.HsmUnavailableException;
import com.sovereignstamp.bridge.keys.KeyBackend;
import com.sovereignstamp.bridge.keys.KeyBackendException;
import com.sovereignstamp.bridge.keys.MechanismUnsupportedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Proves the HSM can do what callers need: encrypts a random value with the canary key, decrypts it
 * and compares. A result is reused for at most the cache TTL, so frequent health calls cost one HSM
 * round trip per TTL; concurrent callers share one check.
 */
public final class DeepHealthCheck {
  private static final byte[] AAD = "sovereign-stamp/health".getBytes(StandardCharsets.US_ASCII);

  private final KeyBackend backend;
  private final String canaryLabel;
  private final long cacheTtlNanos;
  private final Duration degradedAbove;
  private final LongSupplier nanoTime;
  private final SecureRandom random = new SecureRandom();
  private HealthReport cached;
  private long cachedAt;

  public DeepHealthCheck(
      KeyBackend backend,
      String canaryLabel,
      Duration cacheTtl,
      Duration degradedAbove,
      LongSupplier nanoTime) {
    this.backend = backend;
    this.canaryLabel = canaryLabel;
    this.cacheTtlNanos = cacheTtl.toNanos();
    this.degradedAbove = degradedAbove;
    this.nanoTime = nanoTime;
  }

  public synchronized HealthReport report() {
    long now = nanoTime.getAsLong();
    if (cached != null && now - cachedAt < cacheTtlNanos) {
      return cached;
    }
    cached = check();
    cachedAt = nanoTime.getAsLong();
    return cached;
  }

  private HealthReport check() {
    if (!backend.connected()) {
      return new HealthReport(
          backend.identity(), HsmHealth.UNAVAILABLE, "HSM link down", Duration.ZERO);
    }
    byte[] probe = new byte[32];
    random.nextBytes(probe);
    long start = nanoTime.getAsLong();
    try {
      GcmCiphertext c = backend.encrypt(canaryLabel, probe, AAD);
      byte[] back = backend.decrypt(canaryLabel, c, AAD);
      Duration took = Duration.ofNanos(nanoTime.getAsLong() - start);
      if (!MessageDigest.isEqual(probe, back)) {
        return report(HsmHealth.UNAVAILABLE, "canary round trip returned other bytes", took);
      }
      if (took.compareTo(degradedAbove) > 0) {
        return report(HsmHealth.DEGRADED, "canary round trip slow", took);
      }
      return report(HsmHealth.ACTIVE, "ok", took);
    } catch (HsmUnavailableException | HsmFailureException | MechanismUnsupportedException e) {
      return report(
          HsmHealth.UNAVAILABLE, e.getMessage(), Duration.ofNanos(nanoTime.getAsLong() - start));
    } catch (KeyBackendException e) {
      return report(HsmHealth.DEGRADED, "canary key unusable: " + e.getMessage(), Duration.ZERO);
    }
  }

  private HealthReport report(HsmHealth health, String why, Duration took) {
    return new HealthReport(backend.identity(), health, why, took);
  }
}
