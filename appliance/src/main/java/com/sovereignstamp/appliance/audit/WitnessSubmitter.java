package com.sovereignstamp.appliance.audit;

import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.CosignatureVerifier;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.RootHash;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One round of witnessing, run on a schedule: sign a checkpoint of the audit log, ask the witness
 * what it last co-signed for this log, submit the new checkpoint with the consistency proof from
 * there, check the co-signature against the witness's pinned key and keep it as the last witnessed
 * checkpoint. Each outcome is an audit event.
 *
 * <ul>
 *   <li><b>Nothing new</b>: if the log holds no entry the witness has not seen except this class's
 *       own {@code witness.submitted} event, nothing is sent (a quiet log stays quiet).
 *   <li><b>Unavailable</b> (unreachable, timeout, 5xx): a WARNING each round, one {@code
 *       witness.unreachable} event per outage; the next round tries again.
 *   <li><b>Alarm</b>: the witness refuses (above all {@code inconsistent-history}: what it
 *       co-signed before is not a prefix of this log), or its answer does not verify with the
 *       pinned key, is about another checkpoint, or holds a checkpoint this log no longer
 *       reproduces (entries removed or rewritten). Logged SEVERE ({@code AUDIT WITNESS ALARM}),
 *       recorded as {@code witness.refused}; nothing is kept.
 * </ul>
 *
 * <p>Rounds run one at a time; messages and events carry sizes, root hashes and reasons, never key
 * material.
 */
public final class WitnessSubmitter {
  private static final Logger LOG = Logger.getLogger(WitnessSubmitter.class.getName());

  /** How a round ended. */
  public enum Result {
    /** A new checkpoint was co-signed and verified. */
    SUBMITTED,
    /** The witness has already co-signed everything worth showing it. */
    NOTHING_NEW,
    /** The witness could not be reached or could not answer; the next round tries again. */
    UNAVAILABLE,
    /** The witness refused, or its answer does not hold: see the SEVERE log and the event. */
    ALARM,
    /** The audit log could not be checkpointed or could not record the round. */
    FAILED
  }

  private final AuditCheckpoints log;
  private final CheckpointWitness witness;
  private final PublicKey witnessKey;
  private final AuditTrail trail;
  private volatile WitnessedCheckpoint lastWitnessed;

  /** The log's size just after this class's own event, when that was the only entry added. */
  private long sizeAfterOwnEvent = -1;

  private boolean inOutage;

  /**
   * @param witnessKey the witness's co-signing public key, pinned at enrolment
   */
  public WitnessSubmitter(
      AuditCheckpoints log, CheckpointWitness witness, PublicKey witnessKey, AuditTrail trail) {
    this.log = Objects.requireNonNull(log, "log");
    this.witness = Objects.requireNonNull(witness, "witness");
    this.witnessKey = Objects.requireNonNull(witnessKey, "witnessKey");
    this.trail = Objects.requireNonNull(trail, "trail");
  }

  /** The last checkpoint the witness co-signed and this appliance verified; empty before. */
  public Optional<WitnessedCheckpoint> lastWitnessed() {
    return Optional.ofNullable(lastWitnessed);
  }

  /** Runs one round; never throws. */
  public synchronized Result submit() {
    try {
      return round();
    } catch (AuditUnavailableException e) {
      LOG.severe(
          "the audit log could not be checkpointed or could not record the witness round: "
              + e.getMessage()
              + Optional.ofNullable(e.getCause()).map(c -> " (" + c.getMessage() + ")").orElse(""));
      return Result.FAILED;
    }
  }

  private Result round() {
    SignedCheckpoint current = log.checkpointNow();
    long size = current.checkpoint().treeSize();
    WitnessedCheckpoint known = lastWitnessed;
    if (known != null && (size == known.size() || size == sizeAfterOwnEvent)) {
      return Result.NOTHING_NEW;
    }
    try {
      Optional<WitnessedCheckpoint> latest = witness.latest();
      long from = 0;
      if (latest.isPresent()) {
        Optional<Reason> problem = problemWithLatest(latest.get(), current);
        if (problem.isPresent()) {
          return alarm(problem.get(), current, latest);
        }
        lastWitnessed = latest.get();
        from = latest.get().size();
        if (from == size) {
          reachable();
          return Result.NOTHING_NEW;
        }
      }
      WitnessedCheckpoint answer = witness.submit(current, log.consistencyProof(from, size));
      Optional<Reason> problem = problemWithAnswer(answer, current);
      if (problem.isPresent()) {
        return alarm(problem.get(), current, latest);
      }
      lastWitnessed = answer;
      reachable();
      record(submitted(answer, from));
      sizeAfterOwnEvent = log.size() == size + 1 ? size + 1 : -1;
      return Result.SUBMITTED;
    } catch (WitnessUnavailableException e) {
      return unavailable(e);
    } catch (WitnessRefusedException e) {
      return alarm(Reason.refused(e), current, Optional.ofNullable(lastWitnessed));
    }
  }

  /** What the witness says it co-signed must verify and be a prefix of this log. */
  private Optional<Reason> problemWithLatest(WitnessedCheckpoint w, SignedCheckpoint current) {
    Optional<Reason> cosigned = problemWithCosignature(w);
    if (cosigned.isPresent()) {
      return cosigned;
    }
    if (!w.signed().checkpoint().origin().equals(current.checkpoint().origin())) {
      return Reason.local(
          "other-log",
          "the witness holds a checkpoint of the log '"
              + w.signed().checkpoint().origin()
              + "' for this appliance");
    }
    if (w.size() > current.checkpoint().treeSize()) {
      return Reason.local(
          "log-truncated",
          "the witness co-signed "
              + w.size()
              + " entries but the log holds "
              + current.checkpoint().treeSize()
              + ": entries were removed");
    }
    if (!log.rootHash(w.size()).equals(w.rootHash())) {
      return Reason.local(
          "log-rewritten",
          "the log's first "
              + w.size()
              + " entries no longer have the root the witness co-signed ("
              + base64(w.rootHash())
              + "): the log was rewritten");
    }
    return Optional.empty();
  }

  /** The answer to a submission must be a valid co-signature of exactly what was submitted. */
  private Optional<Reason> problemWithAnswer(WitnessedCheckpoint w, SignedCheckpoint submitted) {
    Optional<Reason> cosigned = problemWithCosignature(w);
    if (cosigned.isPresent()) {
      return cosigned;
    }
    if (!w.cosignature().checkpoint().equals(submitted.checkpoint())
        || !Arrays.equals(w.signed().toCanonicalJson(), submitted.toCanonicalJson())) {
      return Reason.local(
          "cosignature-mismatch",
          "the witness answered with a co-signature of another checkpoint"
              + " ("
              + w.size()
              + " entries) than the one submitted ("
              + submitted.checkpoint().treeSize()
              + " entries)");
    }
    return Optional.empty();
  }

  private Optional<Reason> problemWithCosignature(WitnessedCheckpoint w) {
    try {
      CosignatureVerifier.verify(w.cosignature(), witnessKey);
    } catch (CheckpointException e) {
      return Reason.local("cosignature-invalid", e.getMessage());
    }
    if (!w.cosignature().checkpoint().equals(w.signed().checkpoint())) {
      return Reason.local(
          "cosignature-mismatch",
          "the witness's co-signature is not of the checkpoint it returned");
    }
    return Optional.empty();
  }

  /** Why a round raised the alarm: the witness's refusal or a check here. */
  private record Reason(String code, String message, boolean byWitness) {
    static Optional<Reason> local(String code, String message) {
      return Optional.of(new Reason(code, message, false));
    }

    static Reason refused(WitnessRefusedException e) {
      return new Reason(e.reason(), e.getMessage(), true);
    }
  }

  private Result alarm(
      Reason reason, SignedCheckpoint current, Optional<WitnessedCheckpoint> witnessed) {
    LOG.severe(
        "AUDIT WITNESS ALARM ("
            + reason.code()
            + "): "
            + (reason.byWitness() ? "the witness refused the checkpoint of " : "checkpoint of ")
            + current.checkpoint().treeSize()
            + " entries (root "
            + base64(current.checkpoint().rootHash())
            + "): "
            + reason.message());
    AuditEvent.Builder event =
        AuditEvent.of("witness.refused", Actor.SYSTEM)
            .with("reason", reason.code())
            .with("detail", reason.message())
            .with("treeSize", current.checkpoint().treeSize())
            .with("rootHash", base64(current.checkpoint().rootHash()));
    witnessed.ifPresent(
        w ->
            event
                .with("witnessedTreeSize", w.size())
                .with("witnessedRootHash", base64(w.rootHash())));
    record(event.outcome(reason.byWitness() ? Outcome.REFUSED : Outcome.FAILURE));
    sizeAfterOwnEvent = -1;
    return Result.ALARM;
  }

  private Result unavailable(WitnessUnavailableException e) {
    LOG.warning(
        "the audit witness cannot be reached or cannot answer ("
            + e.getMessage()
            + "); the next round tries again");
    if (!inOutage) {
      inOutage = true;
      record(
          AuditEvent.of("witness.unreachable", Actor.SYSTEM)
              .with("detail", e.getMessage())
              .outcome(Outcome.FAILURE));
    }
    return Result.UNAVAILABLE;
  }

  private void reachable() {
    if (inOutage) {
      inOutage = false;
      LOG.info("the audit witness answers again");
    }
  }

  private static AuditEvent submitted(WitnessedCheckpoint w, long fromSize) {
    return AuditEvent.of("witness.submitted", Actor.SYSTEM)
        .with("treeSize", w.size())
        .with("rootHash", base64(w.rootHash()))
        .with("checkpointTime", w.signed().checkpoint().time())
        .with("fromTreeSize", fromSize)
        .with("witness", w.witness())
        .with("witnessedAt", w.witnessedAt())
        .with("witnessKeyId", w.cosignature().keyId())
        .with("cosignature", Base64.getEncoder().encodeToString(w.cosignature().signature()))
        .outcome(Outcome.SUCCESS);
  }

  private void record(AuditEvent event) {
    trail.record(event);
  }

  private static String base64(RootHash root) {
    return Base64.getEncoder().encodeToString(root.bytes());
  }
}
