package com.sovereignstamp.bridge.policy;

import java.util.concurrent.CompletableFuture;

/**
 * This instance's view of the policy: the snapshot XKS calls are checked against, refreshed when
 * the store's version moves (another instance changed it) and at once after a change made here.
 * Watchers get a future that completes with the first snapshot newer than the one they know.
 */
public final class PolicyView {
  private final PolicyStore store;
  private volatile PolicySnapshot current;
  private volatile CompletableFuture<PolicySnapshot> next = new CompletableFuture<>();

  public PolicyView(PolicyStore store) {
    this.store = store;
    this.current = store.load();
  }

  public PolicySnapshot current() {
    return current;
  }

  /** Reloads if the store's version differs from this view's (cheap when it does not). */
  public void refresh() {
    if (store.version() != current.version()) {
      reload();
    }
  }

  /** Reloads the whole policy and wakes watchers if it moved on. */
  public synchronized void reload() {
    PolicySnapshot loaded = store.load();
    if (loaded.version() == current.version()) {
      return;
    }
    current = loaded;
    CompletableFuture<PolicySnapshot> waiting = next;
    next = new CompletableFuture<>();
    waiting.complete(loaded);
  }

  /**
   * Completes with the current snapshot if it is newer than {@code version}, else with the next.
   */
  public CompletableFuture<PolicySnapshot> newerThan(long version) {
    CompletableFuture<PolicySnapshot> waiting = next; // read before current: see reload()
    PolicySnapshot now = current;
    return now.version() > version ? CompletableFuture.completedFuture(now) : waiting;
  }
}
