package com.sovereignstamp.appliance.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatingModeTest {
  final OperatingMode mode =
      new OperatingMode(Clock.fixed(Instant.parse("2026-11-29T06:00:00Z"), ZoneOffset.UTC));
  final List<ModeChange> changes = new ArrayList<>();

  OperatingModeTest() {
    mode.addListener(changes::add);
  }

  @Test
  void revocationTakesEffectFromAnyModeAndIsToldToListenersOnce() {
    assertThat(mode.revoked("disabled")).isTrue();
    assertThat(mode.mode()).isEqualTo(Mode.REVOKED);
    assertThat(mode.revoked("disabled again")).isFalse();
    mode.verified("reinstated");
    mode.unreachable("dark");
    assertThat(mode.revoked("disabled while dark")).isTrue();
    assertThat(changes)
        .extracting(c -> c.to().mode())
        .containsExactly(Mode.REVOKED, Mode.NORMAL, Mode.DEGRADED_READ_ONLY, Mode.REVOKED);
    assertThat(changes.get(0).from().mode()).isEqualTo(Mode.NORMAL);
    assertThat(changes.get(0).to().reason()).isEqualTo("disabled");
    assertThat(changes.get(0).origin()).isEqualTo(ModeChange.Origin.LOCAL);
  }

  @Test
  void aLostBridgeDoesNotLoosenARevokedStamp() {
    mode.revoked("disabled");
    assertThat(mode.unreachable("dark")).isFalse();
    assertThat(mode.mode()).isEqualTo(Mode.REVOKED);
  }

  @Test
  void onlyVerificationLeadsBackToNormal() {
    mode.unreachable("dark");
    assertThat(mode.mode()).isEqualTo(Mode.DEGRADED_READ_ONLY);
    assertThat(mode.verified("enabled and a test unwrap succeeded")).isTrue();
    assertThat(mode.mode()).isEqualTo(Mode.NORMAL);
    assertThat(mode.verified("again")).isFalse();
  }

  @Test
  void aBroadcastOnlyEverTightensTheState() {
    ModeState remoteDegraded =
        new ModeState(Mode.DEGRADED_READ_ONLY, Instant.EPOCH, "node b lost the bridge");
    ModeState remoteNormal = new ModeState(Mode.NORMAL, Instant.EPOCH, "node b is fine");
    ModeState remoteRevoked = new ModeState(Mode.REVOKED, Instant.EPOCH, "node b saw DISABLED");
    assertThat(mode.heard(remoteNormal)).isFalse();
    assertThat(mode.heard(remoteDegraded)).isTrue();
    assertThat(mode.mode()).isEqualTo(Mode.DEGRADED_READ_ONLY);
    assertThat(mode.heard(remoteNormal)).as("never loosened by a broadcast").isFalse();
    assertThat(mode.heard(remoteRevoked)).isTrue();
    assertThat(mode.heard(remoteDegraded)).isFalse();
    assertThat(mode.mode()).isEqualTo(Mode.REVOKED);
    assertThat(changes).allMatch(c -> c.origin() == ModeChange.Origin.BROADCAST);
  }

  @Test
  void localTransitionsAreBroadcastAndHeardOnesAreNotSentOnAgain() {
    List<ModeState> sent = new ArrayList<>();
    mode.broadcastTo(sent::add);
    mode.unreachable("dark");
    mode.heard(new ModeState(Mode.REVOKED, Instant.EPOCH, "node b"));
    assertThat(sent).extracting(ModeState::mode).containsExactly(Mode.DEGRADED_READ_ONLY);
  }

  @Test
  void twoNodesJoinedByTheBroadcastBothEndRevokedWhenOneSeesTheRevocation() {
    OperatingMode other = new OperatingMode(Clock.systemUTC());
    mode.broadcastTo(other::heard);
    other.broadcastTo(mode::heard);
    other.unreachable("node b lost the bridge");
    assertThat(mode.mode()).isEqualTo(Mode.DEGRADED_READ_ONLY);
    mode.revoked("node a saw DISABLED");
    assertThat(other.mode()).isEqualTo(Mode.REVOKED);
    other.verified("node b verified");
    assertThat(mode.mode()).as("a loosening is never broadcast in").isEqualTo(Mode.REVOKED);
  }

  @Test
  void aFailingListenerNeitherStopsTheOthersNorUndoesTheTransition() {
    OperatingMode m = new OperatingMode(Clock.systemUTC());
    List<Mode> seen = new ArrayList<>();
    m.addListener(
        c -> {
          throw new IllegalStateException("audit log down");
        });
    m.addListener(c -> seen.add(c.to().mode()));
    m.revoked("disabled");
    assertThat(m.mode()).isEqualTo(Mode.REVOKED);
    assertThat(seen).containsExactly(Mode.REVOKED);
  }

  @Test
  void theChecksFollowTheMode() {
    mode.checkWrite();
    assertThat(mode.checkRead(false)).isEqualTo(KeyAccess.CACHE_OR_BRIDGE);
    mode.unreachable("dark");
    assertThat(mode.checkRead(true)).isEqualTo(KeyAccess.CACHE_ONLY);
    assertThatThrownBy(() -> mode.checkRead(false))
        .isInstanceOfSatisfying(
            ModeRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_SERVED_WHILE_DEGRADED));
    assertThatThrownBy(mode::checkWrite)
        .isInstanceOfSatisfying(
            ModeRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.READ_ONLY));
    mode.checkNotRevoked();
    mode.revoked("disabled");
    assertThatThrownBy(() -> mode.checkRead(true))
        .isInstanceOfSatisfying(
            ModeRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(Refusal.KEY_REVOKED));
    assertThatThrownBy(mode::checkNotRevoked).isInstanceOf(ModeRefusedException.class);
  }
}
