package com.sovereignstamp.bridge.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.persistence.BridgeSchema;
import com.sovereignstamp.bridge.persistence.JdbcPolicyStore;
import com.sovereignstamp.bridge.testing.TestDatabases;
import com.sovereignstamp.bridge.testing.TestOfficers;
import com.sovereignstamp.bridge.testing.TestOfficers.SigningOfficer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Officer actions on a real policy store (H2): what is recorded when, and what an audit failure
 * does.
 */
class OfficerActionsTest {
  private static final KeyRef KEY = new KeyRef("/bank-a", "cmk-1");
  private static final SigningOfficer ONE = TestOfficers.officer("officer-1");
  private static final SigningOfficer TWO = TestOfficers.officer("officer-2");

  private final List<String> recorded = new ArrayList<>();
  private boolean auditFails;
  private JdbcPolicyStore store;
  private PolicyView view;
  private OfficerActions actions;

  @BeforeEach
  void policy() throws Exception {
    DataSource ds = TestDatabases.h2("actions");
    BridgeSchema.migrate(ds);
    store = new JdbcPolicyStore(ds);
    store.seedIfEmpty(
        List.of(KEY), List.of(new Grant(KEY, "AKIA", "", EnumSet.allOf(KeyUse.class))), "seed");
    view = new PolicyView(store);
    PolicyEvents events =
        (event, details) -> {
          if (auditFails) {
            throw new AuditUnavailableException("the trail is down", null);
          }
          recorded.add(event);
        };
    actions =
        new OfficerActions(
            store,
            view,
            new DualControl(
                new Officers(List.of(ONE.officer(), TWO.officer()), 2, Duration.ofHours(1)), "b"),
            HsmKeyControl.none(),
            events,
            Clock.systemUTC());
  }

  private List<Approval> bothApprove() {
    Instant soon = Instant.now().plusSeconds(300);
    return List.of(
        ONE.approve("b", ApprovalAction.REINSTATE, KEY, Optional.empty(), soon),
        TWO.approve("b", ApprovalAction.REINSTATE, KEY, Optional.empty(), soon));
  }

  @Test
  void aRevocationStands_evenWhenTheAuditTrailCannotRecordIt() {
    auditFails = true;
    actions.revoke(ONE.officer(), KEY);
    assertThat(view.current().revoked(KEY)).isTrue();
    assertThat(store.load().revoked(KEY)).isTrue();
  }

  @Test
  void aReinstatementIsNotMade_whenTheAuditTrailCannotRecordItFirst() {
    actions.revoke(ONE.officer(), KEY);
    auditFails = true;
    assertThatThrownBy(() -> actions.reinstate(ONE.officer(), KEY, bothApprove()))
        .isInstanceOf(AuditUnavailableException.class);
    assertThat(store.load().revoked(KEY)).isTrue();
  }

  @Test
  void aReinstatementIsRecordedBeforeAndAfterItIsMade() {
    actions.revoke(ONE.officer(), KEY);
    actions.reinstate(TWO.officer(), KEY, bothApprove());
    assertThat(recorded)
        .containsExactly("policy.revoked", "policy.reinstating", "policy.reinstated");
    assertThat(view.current().revoked(KEY)).isFalse();
  }

  @Test
  void reinstatingAKeyThatIsNotRevoked_isRefused() {
    assertThatThrownBy(() -> actions.reinstate(ONE.officer(), KEY, bothApprove()))
        .isInstanceOf(PolicyException.class)
        .extracting(e -> ((PolicyException) e).reason())
        .isEqualTo(PolicyException.Reason.NOT_REVOKED);
  }

  @Test
  void aKeyIdInOneStoreOnly_resolvesWithoutNamingTheStore() {
    assertThat(actions.resolve("cmk-1", Optional.empty())).isEqualTo(KEY);
    store.addUnknownKeys(List.of(new KeyRef("/bank-b", "cmk-1")), "keystores");
    view.reload();
    assertThatThrownBy(() -> actions.resolve("cmk-1", Optional.empty()))
        .isInstanceOf(PolicyException.class)
        .extracting(e -> ((PolicyException) e).reason())
        .isEqualTo(PolicyException.Reason.AMBIGUOUS_KEY);
    assertThat(actions.resolve("cmk-1", Optional.of("/bank-b")))
        .isEqualTo(new KeyRef("/bank-b", "cmk-1"));
  }
}
