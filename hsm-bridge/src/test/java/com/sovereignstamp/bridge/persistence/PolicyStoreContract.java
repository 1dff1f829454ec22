package com.sovereignstamp.bridge.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.ApprovalAction;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyStatus;
import com.sovereignstamp.bridge.policy.KeyUse;
import com.sovereignstamp.bridge.policy.PolicyChange;
import com.sovereignstamp.bridge.policy.PolicyException;
import com.sovereignstamp.bridge.policy.PolicySnapshot;
import com.sovereignstamp.bridge.testing.TestOfficers;
import com.sovereignstamp.bridge.testing.TestOfficers.SigningOfficer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The officers' policy store, run against each database the bridge supports. */
abstract class PolicyStoreContract {
  private static final KeyRef KEY = new KeyRef("/bank-a", "cmk-1");
  private static final KeyRef OTHER = new KeyRef("/bank-a", "cmk-2");
  private static final Grant APPLIANCE =
      new Grant(KEY, "AKIAAPPLIANCE", "CN=stamp-appliance,O=Bank A", EnumSet.allOf(KeyUse.class));
  private static final SigningOfficer ONE = TestOfficers.officer("officer-1");

  private DataSource dataSource;
  private JdbcPolicyStore store;

  abstract DataSource freshDatabase() throws Exception;

  @BeforeEach
  void database() throws Exception {
    dataSource = freshDatabase();
    BridgeSchema.migrate(dataSource);
    store = new JdbcPolicyStore(dataSource);
    assertThat(store.seedIfEmpty(List.of(KEY, OTHER), List.of(APPLIANCE), "seed")).isTrue();
  }

  private static Approval reinstateApproval() {
    return ONE.approve(
        "b", ApprovalAction.REINSTATE, KEY, Optional.empty(), Instant.now().plusSeconds(600));
  }

  @Test
  void seedingHappensOnce_andGrantsWhatItWasGiven() {
    assertThat(store.seedIfEmpty(List.of(KEY), List.of(), "again")).isFalse();
    PolicySnapshot p = store.load();
    assertThat(p.keys()).containsOnlyKeys(KEY, OTHER);
    assertThat(p.permits(KEY, "AKIAAPPLIANCE", "CN=stamp-appliance, O=Bank A", KeyUse.DECRYPT))
        .as("subjects compared as names")
        .isTrue();
    assertThat(p.permits(OTHER, "AKIAAPPLIANCE", "CN=stamp-appliance,O=Bank A", KeyUse.DECRYPT))
        .isFalse();
  }

  @Test
  void aRevocation_isDurable_andMovesTheVersionOn() {
    long before = store.version();
    store.apply(new PolicyChange.Revoke(KEY, "officer-1", Instant.now()), List.of());
    PolicySnapshot p = new JdbcPolicyStore(dataSource).load();
    assertThat(p.revoked(KEY)).isTrue();
    assertThat(p.key(KEY).orElseThrow().changedBy()).isEqualTo("officer-1");
    assertThat(p.revoked(OTHER)).isFalse();
    assertThat(p.version()).isGreaterThan(before);
  }

  @Test
  void anApprovalUsedOnce_isRefusedTheSecondTime_andTheSecondChangeIsNotMade() {
    store.apply(new PolicyChange.Revoke(KEY, "officer-1", Instant.now()), List.of());
    Approval approval = reinstateApproval();
    store.apply(new PolicyChange.Reinstate(KEY, "officer-1", Instant.now()), List.of(approval));
    store.apply(new PolicyChange.Revoke(KEY, "officer-2", Instant.now()), List.of());
    long version = store.version();

    assertThatThrownBy(
            () ->
                store.apply(
                    new PolicyChange.Reinstate(KEY, "officer-1", Instant.now()), List.of(approval)))
        .isInstanceOf(PolicyException.class)
        .extracting(e -> ((PolicyException) e).reason())
        .isEqualTo(PolicyException.Reason.APPROVAL_REUSED);
    assertThat(store.load().revoked(KEY)).isTrue();
    assertThat(store.version()).isEqualTo(version);
  }

  @Test
  void grantsAreAddedReplacedAndWithdrawn() {
    Grant decryptOnly = new Grant(OTHER, "AKIANEW", "CN=new", EnumSet.of(KeyUse.DECRYPT));
    store.apply(new PolicyChange.AddGrant(decryptOnly, "officer-1", Instant.now()), List.of());
    assertThat(store.load().permits(OTHER, "AKIANEW", "CN=new", KeyUse.DECRYPT)).isTrue();
    assertThat(store.load().permits(OTHER, "AKIANEW", "CN=new", KeyUse.ENCRYPT)).isFalse();

    Grant both = new Grant(OTHER, "AKIANEW", "CN=new", EnumSet.of(KeyUse.DECRYPT, KeyUse.ENCRYPT));
    store.apply(new PolicyChange.AddGrant(both, "officer-1", Instant.now()), List.of());
    assertThat(store.load().key(OTHER).orElseThrow().grants()).hasSize(1);
    assertThat(store.load().permits(OTHER, "AKIANEW", "CN=new", KeyUse.ENCRYPT)).isTrue();

    store.apply(
        new PolicyChange.Withdraw(OTHER, "AKIANEW", "CN=new", "officer-2", Instant.now()),
        List.of());
    assertThat(store.load().permits(OTHER, "AKIANEW", "CN=new", KeyUse.DECRYPT)).isFalse();
  }

  @Test
  void aChangeToAnUnknownKeyOrGrant_isRefused() {
    KeyRef unknown = new KeyRef("/bank-a", "nope");
    assertThatThrownBy(
            () -> store.apply(new PolicyChange.Revoke(unknown, "o", Instant.now()), List.of()))
        .isInstanceOf(PolicyException.class);
    Grant onUnknown = new Grant(unknown, "AKIA", "", EnumSet.of(KeyUse.METADATA));
    assertThatThrownBy(
            () -> store.apply(new PolicyChange.AddGrant(onUnknown, "o", Instant.now()), List.of()))
        .isInstanceOf(PolicyException.class);
    assertThatThrownBy(
            () ->
                store.apply(
                    new PolicyChange.Withdraw(KEY, "AKIANONE", "", "o", Instant.now()), List.of()))
        .isInstanceOf(PolicyException.class)
        .extracting(e -> ((PolicyException) e).reason())
        .isEqualTo(PolicyException.Reason.UNKNOWN_GRANT);
  }

  @Test
  void keysAddedToTheKeyStoreFile_becomeKnownWithoutGrants() {
    KeyRef added = new KeyRef("/bank-b", "cmk-9");
    store.addUnknownKeys(List.of(KEY, added), "keystores");
    PolicySnapshot p = store.load();
    assertThat(p.key(added).orElseThrow().status()).isEqualTo(KeyStatus.ENABLED);
    assertThat(p.key(added).orElseThrow().grants()).isEmpty();
    assertThat(p.key(KEY).orElseThrow().grants()).hasSize(1);
  }

  @Test
  void changesFromSeveralInstances_areAppliedOneAfterAnother() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long before = store.version();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      JdbcPolicyStore instance = new JdbcPolicyStore(dataSource);
      boolean revoke = i % 2 == 0;
      done.add(
          pool.submit(
              () ->
                  instance.apply(
                      revoke
                          ? new PolicyChange.Revoke(OTHER, "o", Instant.now())
                          : new PolicyChange.AddGrant(
                              new Grant(
                                  OTHER,
                                  "AKIA" + Thread.currentThread().getId(),
                                  "",
                                  EnumSet.of(KeyUse.METADATA)),
                              "o",
                              Instant.now()),
                      List.of())));
    }
    for (Future<?> f : done) {
      f.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(store.version()).isEqualTo(before + 40);
  }
}
