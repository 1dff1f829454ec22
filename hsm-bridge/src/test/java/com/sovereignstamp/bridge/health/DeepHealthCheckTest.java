package com.sovereignstamp.bridge.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.HsmIdentity;
import com.sovereignstamp.bridge.keys.HsmUnavailableException;
import com.sovereignstamp.bridge.keys.KeyAttributes;
import com.sovereignstamp.bridge.keys.KeyBackend;
import com.sovereignstamp.bridge.keys.KeyMissingException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeepHealthCheckTest {
  /** A hand-written stand-in for the HSM: echoes plaintext as ciphertext, counts calls. */
  static final class EchoBackend implements KeyBackend {
    final AtomicInteger encrypts = new AtomicInteger();
    volatile RuntimeException failure;
    volatile boolean connected = true;
    volatile boolean corrupt;
    AtomicLong clock;
    long nanosPerCall;

    @Override
    public KeyAttributes describe(String label) {
      throw new UnsupportedOperationException();
    }

    @Override
    public GcmCiphertext encrypt(String label, byte[] plaintext, byte[] hsmAad) {
      encrypts.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      if (clock != null) {
        clock.addAndGet(nanosPerCall);
      }
      return new GcmCiphertext(new byte[12], plaintext.clone(), new byte[16]);
    }

    @Override
    public byte[] decrypt(String label, GcmCiphertext c, byte[] hsmAad) {
      byte[] p = c.ciphertext().clone();
      if (corrupt) {
        p[0] ^= 1;
      }
      return p;
    }

    @Override
    public HsmIdentity identity() {
      return new HsmIdentity("hsm-1", "Vendor", "Model");
    }

    @Override
    public boolean connected() {
      return connected;
    }

    @Override
    public String kind() {
      return "echo";
    }

    @Override
    public void close() {}
  }

  private final AtomicLong now = new AtomicLong();
  private final EchoBackend hsm = new EchoBackend();
  private final DeepHealthCheck check =
      new DeepHealthCheck(hsm, "canary", Duration.ofSeconds(2), Duration.ofMillis(100), now::get);

  @Test
  void workingCanaryRoundTrip_isActive() {
    assertThat(check.report().health()).isEqualTo(HsmHealth.ACTIVE);
    assertThat(check.report().hsm().vendor()).isEqualTo("Vendor");
  }

  @Test
  void resultsAreReusedWithinTheTtl_only() {
    check.report();
    check.report();
    assertThat(hsm.encrypts).hasValue(1);
    now.addAndGet(Duration.ofSeconds(3).toNanos());
    check.report();
    assertThat(hsm.encrypts).hasValue(2);
  }

  @Test
  void slowCanary_isDegraded() {
    hsm.clock = now;
    hsm.nanosPerCall = Duration.ofMillis(150).toNanos();
    assertThat(check.report().health()).isEqualTo(HsmHealth.DEGRADED);
  }

  @Test
  void missingCanaryKey_isDegraded_lostLinkIsUnavailable() {
    hsm.failure = new KeyMissingException("canary", "gone");
    assertThat(check.report().health()).isEqualTo(HsmHealth.DEGRADED);
    now.addAndGet(Duration.ofSeconds(3).toNanos());
    hsm.failure = new HsmUnavailableException("down", null);
    assertThat(check.report().health()).isEqualTo(HsmHealth.UNAVAILABLE);
    now.addAndGet(Duration.ofSeconds(3).toNanos());
    hsm.connected = false;
    assertThat(check.report().health()).isEqualTo(HsmHealth.UNAVAILABLE);
  }

  @Test
  void canaryReturningOtherBytes_isUnavailable() {
    hsm.corrupt = true;
    assertThat(check.report().health()).isEqualTo(HsmHealth.UNAVAILABLE);
  }
}
