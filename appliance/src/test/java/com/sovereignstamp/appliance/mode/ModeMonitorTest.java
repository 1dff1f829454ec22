package com.sovereignstamp.appliance.mode;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.appliance.keys.KeyServiceException;
import com.sovereignstamp.appliance.keys.KeyServiceException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor against a scripted key status source (its collaborator; the bridge is in the ITs).
 */
class ModeMonitorTest {
  /** Watch answers are handed out one by one from a queue; describe and probe are set per test. */
  static final class ScriptedSource implements KeyStatusSource {
    final BlockingQueue<Object> watchAnswers = new ArrayBlockingQueue<>(16);
    final AtomicReference<Object> describe = new AtomicReference<>(KeyState.ENABLED);
    final AtomicReference<KeyServiceException> probeFailure = new AtomicReference<>();
    final AtomicInteger probes = new AtomicInteger();

    @Override
    public KeyWatchAnswer watch(long sinceVersion, Duration wait) {
      try {
        Object next = watchAnswers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (next instanceof KeyServiceException e) {
          throw e;
        }
        return next == null
            ? new KeyWatchAnswer(sinceVersion, KeyState.ENABLED)
            : (KeyWatchAnswer) next;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KeyServiceException(Reason.UNREACHABLE, "interrupted", null);
      }
    }

    @Override
    public KeyState describe() {
      Object d = describe.get();
      if (d instanceof KeyServiceException e) {
        throw e;
      }
      return (KeyState) d;
    }

    @Override
    public void probe() {
      probes.incrementAndGet();
      KeyServiceException e = probeFailure.get();
      if (e != null) {
        throw e;
      }
    }
  }

  final OperatingMode mode = new OperatingMode(Clock.systemUTC());
  final ScriptedSource source = new ScriptedSource();
  final ModeMonitor monitor =
      new ModeMonitor(
          mode,
          source,
          new ModeMonitorSettings(
              Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(20)));

  @AfterEach
  void stop() {
    monitor.close();
  }

  static KeyServiceException failure(Reason reason) {
    return new KeyServiceException(reason, "scripted " + reason, null);
  }

  static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void aWatchAnswerSayingDisabledRevokesAtOnce() throws Exception {
    source.describe.set(KeyState.ENABLED);
    monitor.start();
    source.watchAnswers.put(new KeyWatchAnswer(7, KeyState.DISABLED));
    eventually(() -> mode.mode() == Mode.REVOKED);
    assertThat(mode.current().reason()).contains("disabled").contains("watch");
  }

  @Test
  void aWithdrawnGrantOrAnUnknownKeyRevokes() {
    monitor.observe(KeyState.NOT_GRANTED, "watch");
    assertThat(mode.mode()).isEqualTo(Mode.REVOKED);
    assertThat(mode.current().reason()).contains("grant");
    OperatingMode other = new OperatingMode(Clock.systemUTC());
    new ModeMonitor(
            other,
            source,
            new ModeMonitorSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
        .observe(KeyState.NOT_FOUND, "metadata poll");
    assertThat(other.mode()).isEqualTo(Mode.REVOKED);
  }

  @Test
  void theBridgeRefusingTheStampRevokesButNoAnswerOnlyDegrades() {
    monitor.failed(failure(Reason.UNREACHABLE));
    assertThat(mode.mode()).isEqualTo(Mode.DEGRADED_READ_ONLY);
    monitor.failed(failure(Reason.REFUSED));
    assertThat(mode.mode()).isEqualTo(Mode.REVOKED);
    assertThat(mode.current().reason()).contains("refused this stamp");
  }

  @Test
  void aDamagedWrappedKeyChangesNoMode() {
    monitor.failed(failure(Reason.INVALID_CIPHERTEXT));
    assertThat(mode.mode()).isEqualTo(Mode.NORMAL);
  }

  @Test
  void aPollThatTimesOutDegradesAndAnEnabledAnswerWithAGoodProbeRecovers() throws Exception {
    source.describe.set(failure(Reason.UNREACHABLE));
    monitor.start();
    eventually(() -> mode.mode() == Mode.DEGRADED_READ_ONLY);
    source.describe.set(KeyState.ENABLED);
    eventually(() -> mode.mode() == Mode.NORMAL);
    assertThat(source.probes.get()).isPositive();
    assertThat(mode.current().reason()).contains("test unwrap succeeded");
  }

  @Test
  void enabledIsNotEnoughWhileTheTestUnwrapFails() throws Exception {
    // the HSM behind a reachable bridge: the policy says ENABLED, the unwrap does not answer
    source.probeFailure.set(failure(Reason.UNREACHABLE));
    mode.unreachable("HSM link lost");
    monitor.start();
    eventually(() -> source.probes.get() >= 3);
    assertThat(mode.mode()).isEqualTo(Mode.DEGRADED_READ_ONLY);
    source.probeFailure.set(null);
    eventually(() -> mode.mode() == Mode.NORMAL);
  }

  @Test
  void aRevokedStampComesBackOnlyWhenTheKeyIsEnabledAgainAndTheProbeSucceeds() throws Exception {
    source.describe.set(KeyState.DISABLED);
    source.probeFailure.set(failure(Reason.REVOKED));
    monitor.start();
    source.watchAnswers.put(new KeyWatchAnswer(1, KeyState.DISABLED));
    eventually(() -> mode.mode() == Mode.REVOKED);
    Thread.sleep(300);
    assertThat(mode.mode()).isEqualTo(Mode.REVOKED);
    source.probeFailure.set(null);
    source.describe.set(KeyState.ENABLED);
    source.watchAnswers.put(new KeyWatchAnswer(2, KeyState.ENABLED));
    eventually(() -> mode.mode() == Mode.NORMAL);
  }

  @Test
  void aFailingWatchIsRetriedAndItsFailureDegrades() throws Exception {
    source.describe.set(KeyState.ENABLED);
    source.probeFailure.set(failure(Reason.UNREACHABLE));
    source.watchAnswers.put(failure(Reason.UNREACHABLE));
    monitor.start();
    eventually(() -> mode.mode() == Mode.DEGRADED_READ_ONLY);
    source.watchAnswers.put(new KeyWatchAnswer(3, KeyState.DISABLED));
    eventually(() -> mode.mode() == Mode.REVOKED);
    assertThat(monitor.watchAnswers()).isPositive();
  }
}
