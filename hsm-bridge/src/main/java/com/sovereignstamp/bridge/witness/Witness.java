package com.sovereignstamp.bridge.witness;

import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.CheckpointVerifier;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.merkle.ProofException;
import com.sovereignstamp.audit.merkle.ProofVerifier;
import com.sovereignstamp.audit.merkle.RootHash;
import com.sovereignstamp.bridge.witness.WitnessRefusal.Reason;
import java.security.PublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;

/**
 * Witnesses clients' checkpoints: checks who submits, the client's signature and that the new
 * checkpoint extends the last one witnessed for the client; then co-signs, stores and records it.
 * The first checkpoint of a client is trusted on first use. A checkpoint that does not extend the
 * last one (a rewritten or truncated history) is refused, nothing is stored, and it is raised as an
 * alarm: a {@code witness.inconsistent} event, a counter and a SEVERE log line.
 *
 * <p>Submissions of one client are handled one at a time; the store's sequence numbers keep two
 * bridges sharing a database from both extending the same witnessed checkpoint.
 */
public final class Witness {
  private static final Logger LOG = Logger.getLogger(Witness.class.getName());
  private static final int ATTEMPTS = 3;

  private final WitnessClients clients;
  private final WitnessedCheckpoints store;
  private final CheckpointSigner signer;
  private final String name;
  private final Clock clock;
  private final EventTrail trail;
  private final WitnessCounters counters;
  private final Map<String, Object> submissionLocks = new HashMap<>();

  /**
   * @param name the witness's name in its co-signatures: the origin of the bridge's own log
   * @param signer the bridge's checkpoint key, which co-signs
   */
  public Witness(
      WitnessClients clients,
      WitnessedCheckpoints store,
      CheckpointSigner signer,
      String name,
      Clock clock,
      EventTrail trail,
      WitnessCounters counters) {
    this.clients = clients;
    this.store = store;
    this.signer = signer;
    this.name = name;
    this.clock = clock;
    this.trail = trail;
    this.counters = counters;
    clients.all().forEach(c -> submissionLocks.put(c.name(), new Object()));
  }

  /**
   * Witnesses a client's checkpoint.
   *
   * @param subject the verified subject of the caller's client certificate
   * @return the stored witnessed checkpoint with the bridge's co-signature
   * @throws WitnessRefusal if the caller is not a client, the checkpoint is another log's or not
   *     signed by the client's key, or it does not extend the last witnessed one
   * @throws WitnessStoreException if the store cannot be read or written
   * @throws RuntimeException from the signer or the event trail; nothing is stored then
   */
  public WitnessedCheckpoint submit(X500Principal subject, Submission submission)
      throws WitnessRefusal {
    WitnessClient client = client(subject);
    Checkpoint checkpoint = submission.checkpoint().checkpoint();
    if (!client.origin().equals(checkpoint.origin())) {
      throw refused(
          Reason.WRONG_ORIGIN,
          "the checkpoint is of the log '"
              + checkpoint.origin()
              + "', not of "
              + client.name()
              + "'s log");
    }
    try {
      CheckpointVerifier.verify(submission.checkpoint(), client.checkpointKey());
    } catch (CheckpointException e) {
      throw refused(
          Reason.BAD_SIGNATURE,
          "the checkpoint is not signed by " + client.name() + "'s key: " + e.getMessage());
    }
    synchronized (submissionLocks.get(client.name())) {
      for (int attempt = 1; ; attempt++) {
        Optional<WitnessedCheckpoint> last = store.latest(client.name());
        if (last.isPresent()) {
          requireExtends(client, last.get(), submission);
        }
        WitnessedCheckpoint witnessed =
            new WitnessedCheckpoint(
                client.name(),
                last.map(w -> w.sequence() + 1).orElse(0L),
                submission.checkpoint(),
                Cosignature.sign(
                    checkpoint, name, clock.instant().truncatedTo(ChronoUnit.MILLIS), signer));
        try {
          store.append(
              witnessed,
              () ->
                  trail.event(
                      "witness.cosigned",
                      Map.of(
                          "client", client.name(),
                          "treeSize", Long.toString(checkpoint.treeSize()),
                          "rootHash", base64(checkpoint.rootHash()))));
          counters.witnessCosigned(client.name());
          return witnessed;
        } catch (ConcurrentWitnessException e) {
          if (attempt == ATTEMPTS) {
            throw new WitnessStoreException(
                "other submissions for " + client.name() + " kept getting stored first", null);
          }
        }
      }
    }
  }

  /**
   * The caller's newest witnessed checkpoint.
   *
   * @throws WitnessRefusal if the caller is not a client
   */
  public Optional<WitnessedCheckpoint> latest(X500Principal subject) throws WitnessRefusal {
    return store.latest(client(subject).name());
  }

  /** The key co-signatures verify with. */
  public PublicKey publicKey() {
    return signer.publicKey();
  }

  private WitnessClient client(X500Principal subject) throws WitnessRefusal {
    Optional<WitnessClient> client = clients.bySubject(subject);
    if (client.isEmpty()) {
      throw refused(
          Reason.UNKNOWN_CLIENT, "no witness client has the certificate subject " + subject);
    }
    return client.get();
  }

  /**
   * Same size: the same root (a submission again). Larger: a consistency proof from the witnessed
   * checkpoint. Smaller: a truncated history. Anything else raises the alarm.
   */
  private void requireExtends(WitnessClient client, WitnessedCheckpoint last, Submission s)
      throws WitnessRefusal {
    Checkpoint old = last.signed().checkpoint();
    Checkpoint now = s.checkpoint().checkpoint();
    String problem;
    if (now.treeSize() < old.treeSize()) {
      problem = "the log has fewer entries than when last witnessed";
    } else if (now.treeSize() == old.treeSize()) {
      if (now.rootHash().equals(old.rootHash())) {
        return;
      }
      problem = "the log has the same size as when last witnessed but another root";
    } else {
      try {
        ProofVerifier.verifyConsistency(
            s.proofFrom(old.treeSize()), old.rootHash(), now.rootHash());
        return;
      } catch (ProofException e) {
        problem = e.getMessage();
      }
    }
    throw alarm(client, old, now, problem);
  }

  private WitnessRefusal alarm(
      WitnessClient client, Checkpoint witnessed, Checkpoint submitted, String problem) {
    counters.witnessInconsistent(client.name());
    String message =
        "the checkpoint of "
            + submitted.treeSize()
            + " entries (root "
            + submitted.rootHash()
            + ") does not extend the one witnessed at "
            + witnessed.treeSize()
            + " entries (root "
            + witnessed.rootHash()
            + "): "
            + problem;
    LOG.severe("WITNESS ALARM: " + client.name() + "'s log history was rewritten: " + message);
    trail.event(
        "witness.inconsistent",
        Map.of(
            "client", client.name(),
            "witnessedTreeSize", Long.toString(witnessed.treeSize()),
            "witnessedRootHash", base64(witnessed.rootHash()),
            "submittedTreeSize", Long.toString(submitted.treeSize()),
            "submittedRootHash", base64(submitted.rootHash()),
            "reason", problem));
    return new WitnessRefusal(Reason.INCONSISTENT_HISTORY, message);
  }

  private WitnessRefusal refused(Reason reason, String message) {
    counters.witnessRefused(reason.code());
    return new WitnessRefusal(reason, message);
  }

  private static String base64(RootHash root) {
    return Base64.getEncoder().encodeToString(root.bytes());
  }
}
