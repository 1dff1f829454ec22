package com.sovereignstamp.bridge.policy;

import com.sovereignstamp.bridge.policy.PolicyException.Reason;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What the officers can do. Tightening (revoke, withdraw) needs one officer and is never held up:
 * it is made durable first, then recorded. Loosening (reinstate, grant) needs {@link DualControl}
 * and is recorded before it is made, so that no loosening escapes the audit trail.
 */
public final class OfficerActions {
  private static final Logger LOG = Logger.getLogger(OfficerActions.class.getName());
  private final PolicyStore store;
  private final PolicyView view;
  private final DualControl dualControl;
  private final HsmKeyControl hsm;
  private final PolicyEvents events;
  private final Clock clock;

  public OfficerActions(
      PolicyStore store,
      PolicyView view,
      DualControl dualControl,
      HsmKeyControl hsm,
      PolicyEvents events,
      Clock clock) {
    this.store = store;
    this.view = view;
    this.dualControl = dualControl;
    this.hsm = hsm;
    this.events = events;
    this.clock = clock;
  }

  /** The outcome of an action: the key's policy after it, and what the HSM-side step reported. */
  public record Outcome(KeyPolicy key, Optional<String> hsmProblem) {}

  /**
   * The key an officer names: by id, in the given key store or, without one, the only store that
   * has a key with that id.
   */
  public KeyRef resolve(String keyId, Optional<String> keyStore) {
    List<KeyRef> matches =
        view.current().keys().keySet().stream()
            .filter(k -> k.keyId().equals(keyId))
            .filter(k -> keyStore.map(s -> s.equals(k.keyStore())).orElse(true))
            .toList();
    if (matches.isEmpty()) {
      throw new PolicyException(
          Reason.UNKNOWN_KEY,
          "no key " + keyId + keyStore.map(s -> " in key store " + s).orElse(""));
    }
    if (matches.size() > 1) {
      throw new PolicyException(
          Reason.AMBIGUOUS_KEY,
          "key "
              + keyId
              + " is in several key stores; name one: "
              + matches.stream().map(KeyRef::keyStore).collect(Collectors.joining(", ")));
    }
    return matches.get(0);
  }

  public Outcome revoke(Officer officer, KeyRef key) {
    requireKnown(key);
    store.apply(new PolicyChange.Revoke(key, officer.name(), clock.instant()), List.of());
    view.reload();
    Optional<String> hsmProblem = hsmStep(key, false);
    recordDone("policy.revoked", details(key, officer, hsmProblem));
    return new Outcome(view.current().key(key).orElseThrow(), hsmProblem);
  }

  public Outcome reinstate(Officer officer, KeyRef key, List<Approval> approvals) {
    KeyPolicy before = requireKnown(key);
    if (!before.revoked()) {
      throw new PolicyException(Reason.NOT_REVOKED, "key " + key + " is not revoked");
    }
    List<Approval> counted =
        dualControl.check(
            ApprovalAction.REINSTATE, key, Optional.empty(), approvals, clock.instant());
    Map<String, String> details = details(key, officer, Optional.empty());
    details.put("approvedBy", approvers(counted));
    events.record("policy.reinstating", details);
    store.apply(new PolicyChange.Reinstate(key, officer.name(), clock.instant()), counted);
    Optional<String> hsmProblem = hsmStep(key, true);
    view.reload();
    recordDone("policy.reinstated", details(key, officer, hsmProblem));
    return new Outcome(view.current().key(key).orElseThrow(), hsmProblem);
  }

  public Outcome grant(Officer officer, Grant grant, List<Approval> approvals) {
    requireKnown(grant.key());
    List<Approval> counted =
        dualControl.check(
            ApprovalAction.GRANT, grant.key(), Optional.of(grant), approvals, clock.instant());
    Map<String, String> details = grantDetails(grant, officer);
    details.put("approvedBy", approvers(counted));
    events.record("policy.granting", details);
    store.apply(new PolicyChange.AddGrant(grant, officer.name(), clock.instant()), counted);
    view.reload();
    recordDone("policy.granted", grantDetails(grant, officer));
    return new Outcome(view.current().key(grant.key()).orElseThrow(), Optional.empty());
  }

  public Outcome withdraw(Officer officer, KeyRef key, String credential, String clientSubject) {
    Grant grant =
        requireKnown(key)
            .grantFor(credential, clientSubject)
            .orElseThrow(
                () ->
                    new PolicyException(
                        Reason.UNKNOWN_GRANT,
                        "key "
                            + key
                            + " has no grant for "
                            + credential
                            + " over '"
                            + clientSubject
                            + "'"));
    store.apply(
        new PolicyChange.Withdraw(
            key, grant.credential(), grant.clientSubject(), officer.name(), clock.instant()),
        List.of());
    view.reload();
    Map<String, String> details = grantDetails(grant, officer);
    recordDone("policy.withdrawn", details);
    return new Outcome(view.current().key(key).orElseThrow(), Optional.empty());
  }

  /**
   * Records a change already made. If that fails the change stands (a revocation is never undone
   * for want of a record); the officer's call, recorded next, then fails visibly instead.
   */
  private void recordDone(String event, Map<String, String> details) {
    try {
      events.record(event, details);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, event + " was done but could not be recorded: " + details, e);
    }
  }

  private KeyPolicy requireKnown(KeyRef key) {
    return view.current()
        .key(key)
        .orElseThrow(() -> new PolicyException(Reason.UNKNOWN_KEY, "no key " + key));
  }

  private Optional<String> hsmStep(KeyRef key, boolean usable) {
    try {
      hsm.setUsable(key, usable);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(
          "the HSM did not "
              + (usable ? "restore" : "clear")
              + " the key's usage: "
              + e.getMessage());
    }
  }

  private static String approvers(List<Approval> counted) {
    return counted.stream().map(Approval::officer).sorted().collect(Collectors.joining(","));
  }

  private static Map<String, String> details(
      KeyRef key, Officer officer, Optional<String> hsmProblem) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("keyStore", key.keyStore());
    d.put("key", key.keyId());
    d.put("officer", officer.name());
    hsmProblem.ifPresent(p -> d.put("hsm", p));
    return d;
  }

  private static Map<String, String> grantDetails(Grant grant, Officer officer) {
    Map<String, String> d = details(grant.key(), officer, Optional.empty());
    d.put("credential", grant.credential());
    d.put("clientSubject", grant.clientSubject());
    d.put("uses", grant.usesText());
    return d;
  }
}
