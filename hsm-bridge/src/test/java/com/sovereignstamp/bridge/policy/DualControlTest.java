package com.sovereignstamp.bridge.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.testing.TestOfficers;
import com.sovereignstamp.bridge.testing.TestOfficers.SigningOfficer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DualControlTest {
  private static final String BRIDGE = "test-bridge";
  private static final KeyRef KEY = new KeyRef("/bank-a", "cmk-1");
  private static final Instant NOW = Instant.now();
  private static final Instant SOON = NOW.plus(Duration.ofMinutes(10));
  private static SigningOfficer one;
  private static SigningOfficer two;
  private static SigningOfficer stranger;
  private static DualControl dualControl;

  @BeforeAll
  static void officers() {
    one = TestOfficers.officer("officer-1");
    two = TestOfficers.officer("officer-2");
    stranger = TestOfficers.officer("officer-3");
    dualControl =
        new DualControl(
            new Officers(List.of(one.officer(), two.officer()), 2, Duration.ofHours(1)), BRIDGE);
  }

  private static Approval reinstate(SigningOfficer o, Instant expires) {
    return o.approve(BRIDGE, ApprovalAction.REINSTATE, KEY, Optional.empty(), expires);
  }

  private static List<Approval> check(Approval... approvals) {
    return dualControl.check(
        ApprovalAction.REINSTATE, KEY, Optional.empty(), List.of(approvals), NOW);
  }

  private static PolicyException.Reason refusal(Approval... approvals) {
    try {
      check(approvals);
    } catch (PolicyException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void twoDifferentOfficers_areEnough() {
    assertThat(check(reinstate(one, SOON), reinstate(two, SOON))).hasSize(2);
  }

  @Test
  void oneOfficer_isNotEnough_evenWithTwoApprovals() {
    assertThat(refusal(reinstate(one, SOON)))
        .isEqualTo(PolicyException.Reason.APPROVALS_INSUFFICIENT);
    assertThat(refusal(reinstate(one, SOON), reinstate(one, SOON)))
        .isEqualTo(PolicyException.Reason.APPROVALS_INSUFFICIENT);
  }

  @Test
  void theSameApprovalTwiceInOneRequest_isRefused() {
    Approval a = reinstate(one, SOON);
    assertThat(refusal(a, a, reinstate(two, SOON)))
        .isEqualTo(PolicyException.Reason.APPROVAL_REUSED);
  }

  @Test
  void anExpiredApproval_isRefused() {
    assertThat(refusal(reinstate(one, SOON), reinstate(two, NOW.minusSeconds(1))))
        .isEqualTo(PolicyException.Reason.APPROVAL_EXPIRED);
  }

  @Test
  void anApprovalValidForLongerThanAllowed_isRefused() {
    assertThat(refusal(reinstate(one, SOON), reinstate(two, NOW.plus(Duration.ofHours(2)))))
        .isEqualTo(PolicyException.Reason.APPROVAL_INVALID);
  }

  @Test
  void anApprovalSignedByAnotherKeyThanTheNamedOfficers_isRefused() {
    Approval forged =
        stranger.approve(BRIDGE, ApprovalAction.REINSTATE, KEY, Optional.empty(), SOON);
    Approval claimingTwo =
        new Approval(
            forged.bridge(),
            forged.action(),
            forged.key(),
            forged.grant(),
            forged.nonce(),
            forged.expiresAt(),
            "officer-2",
            forged.signature());
    assertThat(refusal(reinstate(one, SOON), claimingTwo))
        .isEqualTo(PolicyException.Reason.APPROVAL_INVALID);
    assertThat(refusal(reinstate(one, SOON), forged))
        .isEqualTo(PolicyException.Reason.APPROVAL_INVALID);
  }

  @Test
  void anApprovalForAnotherBridgeKeyOrAction_isRefused() {
    Approval otherBridge =
        two.approve("another-bridge", ApprovalAction.REINSTATE, KEY, Optional.empty(), SOON);
    Approval otherKey =
        two.approve(
            BRIDGE,
            ApprovalAction.REINSTATE,
            new KeyRef("/bank-a", "cmk-2"),
            Optional.empty(),
            SOON);
    Grant grant = new Grant(KEY, "AKIA", "CN=x", EnumSet.of(KeyUse.DECRYPT));
    Approval aGrant = two.approve(BRIDGE, ApprovalAction.GRANT, KEY, Optional.of(grant), SOON);
    for (Approval wrong : List.of(otherBridge, otherKey, aGrant)) {
      assertThat(refusal(reinstate(one, SOON), wrong))
          .isEqualTo(PolicyException.Reason.APPROVAL_INVALID);
    }
  }

  @Test
  void aGrantApproval_coversExactlyThatGrant() {
    Grant grant = new Grant(KEY, "AKIA", "CN=x", EnumSet.of(KeyUse.DECRYPT));
    Grant wider = new Grant(KEY, "AKIA", "CN=x", EnumSet.of(KeyUse.DECRYPT, KeyUse.ENCRYPT));
    List<Approval> approvals =
        List.of(
            one.approve(BRIDGE, ApprovalAction.GRANT, KEY, Optional.of(grant), SOON),
            two.approve(BRIDGE, ApprovalAction.GRANT, KEY, Optional.of(grant), SOON));
    assertThat(dualControl.check(ApprovalAction.GRANT, KEY, Optional.of(grant), approvals, NOW))
        .hasSize(2);
    assertThatThrownBy(
            () -> dualControl.check(ApprovalAction.GRANT, KEY, Optional.of(wider), approvals, NOW))
        .isInstanceOf(PolicyException.class)
        .extracting(e -> ((PolicyException) e).reason())
        .isEqualTo(PolicyException.Reason.APPROVAL_INVALID);
  }
}
