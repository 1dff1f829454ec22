package com.sovereignstamp.appliance.mode;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stamp's mode and its transitions, and the checks the data plane makes before every content
 * operation. {@code REVOKED} is entered from any mode at once; {@code DEGRADED_READ_ONLY} only from
 * {@code NORMAL}; {@code NORMAL} only when the key was verified usable again (the bridge answers
 * {@code ENABLED} and a test unwrap succeeded) — so from {@code REVOKED} only after the officers
 * reinstated the key. What other nodes broadcast only ever tightens this node's state.
 *
 * <p>Listeners run in order, right after the new state is in force, on the thread that caused the
 * transition (the key cache purge is one of them: by the time {@link #revoked} returns, nothing is
 * served from memory).
 */
public final class OperatingMode {
  private static final Logger LOG = Logger.getLogger(OperatingMode.class.getName());
  private static final Set<Mode> ANY = EnumSet.allOf(Mode.class);

  private final Clock clock;
  private final List<ModeListener> listeners = new CopyOnWriteArrayList<>();
  private volatile ModeBroadcast broadcast = ModeBroadcast.NONE;
  private volatile ModeState state;

  public OperatingMode(Clock clock) {
    this.clock = clock;
    this.state = new ModeState(Mode.NORMAL, clock.instant(), "started");
  }

  public ModeState current() {
    return state;
  }

  public Mode mode() {
    return state.mode();
  }

  public void addListener(ModeListener listener) {
    listeners.add(listener);
  }

  /** Where this node's transitions are sent (default: nowhere, a single node). */
  public void broadcastTo(ModeBroadcast broadcast) {
    this.broadcast = broadcast;
  }

  /**
   * The key is disabled or gone, or the bridge refused the stamp: {@code REVOKED}, from any mode.
   *
   * @return whether this changed the mode
   */
  public boolean revoked(String reason) {
    return move(Mode.REVOKED, reason, EnumSet.of(Mode.NORMAL, Mode.DEGRADED_READ_ONLY), true);
  }

  /**
   * The bridge, or the HSM behind it, cannot be reached: {@code DEGRADED_READ_ONLY} — from {@code
   * NORMAL} only (a revoked stamp stays revoked).
   */
  public boolean unreachable(String reason) {
    return move(Mode.DEGRADED_READ_ONLY, reason, EnumSet.of(Mode.NORMAL), true);
  }

  /**
   * The bridge answered {@code ENABLED} for the key and a test unwrap succeeded: {@code NORMAL}.
   */
  public boolean verified(String reason) {
    return move(Mode.NORMAL, reason, EnumSet.of(Mode.DEGRADED_READ_ONLY, Mode.REVOKED), true);
  }

  /** Another node's state: taken only if it is tighter than this node's. */
  public boolean heard(ModeState remote) {
    return move(remote.mode(), "from another node: " + remote.reason(), ANY, false);
  }

  private synchronized boolean move(Mode target, String reason, Set<Mode> from, boolean local) {
    ModeState before = state;
    if (!from.contains(before.mode())
        || before.mode() == target
        || (!local && !target.isTighterThan(before.mode()))) {
      return false;
    }
    ModeState after = new ModeState(target, clock.instant(), reason);
    state = after;
    ModeChange change =
        new ModeChange(
            before, after, local ? ModeChange.Origin.LOCAL : ModeChange.Origin.BROADCAST);
    LOG.log(
        target == Mode.NORMAL ? Level.INFO : Level.WARNING,
        "operating mode {0} -> {1}: {2}",
        new Object[] {before.mode(), target, reason});
    for (ModeListener l : listeners) {
      try {
        l.changed(change);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a mode listener failed: " + e.getMessage(), e);
      }
    }
    if (local) {
      try {
        broadcast.publish(after);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the mode change could not be broadcast: " + e.getMessage(), e);
      }
    }
    return true;
  }

  /**
   * @throws ModeRefusedException unless the stamp is {@code NORMAL}
   */
  public void checkWrite() {
    ModeState s = state;
    switch (s.mode()) {
      case NORMAL -> {}
      case DEGRADED_READ_ONLY -> throw new ModeRefusedException(Refusal.READ_ONLY, s);
      case REVOKED -> throw new ModeRefusedException(Refusal.KEY_REVOKED, s);
    }
  }

  /**
   * Whether a read may run, and where it takes its key from.
   *
   * @param servedWhileDegraded whether the policy lets degraded mode serve the collection
   * @throws ModeRefusedException when it may not run
   */
  public KeyAccess checkRead(boolean servedWhileDegraded) {
    ModeState s = state;
    return switch (s.mode()) {
      case NORMAL -> KeyAccess.CACHE_OR_BRIDGE;
      case DEGRADED_READ_ONLY -> {
        if (!servedWhileDegraded) {
          throw new ModeRefusedException(Refusal.NOT_SERVED_WHILE_DEGRADED, s);
        }
        yield KeyAccess.CACHE_ONLY;
      }
      case REVOKED -> throw new ModeRefusedException(Refusal.KEY_REVOKED, s);
    };
  }

  /**
   * For reads already running (a stream between two segments): stops them once revoked.
   *
   * @throws ModeRefusedException when the stamp is {@code REVOKED}
   */
  public void checkNotRevoked() {
    ModeState s = state;
    if (s.mode() == Mode.REVOKED) {
      throw new ModeRefusedException(Refusal.KEY_REVOKED, s);
    }
  }
}
