package com.sovereignstamp.bridge.witness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store port in memory, with the database's rule: a sequence number is taken once. Reads can be
 * made slow, so that two submissions that are not serialised would both read the same newest one.
 */
final class InMemoryWitnessedCheckpoints implements WitnessedCheckpoints {
  private final Map<String, List<WitnessedCheckpoint>> histories = new HashMap<>();
  private volatile Duration readDelay = Duration.ZERO;
  private Runnable beforeNextAppend = () -> {};

  void slowReads(Duration delay) {
    readDelay = delay;
  }

  @Override
  public Optional<WitnessedCheckpoint> latest(String client) {
    Optional<WitnessedCheckpoint> newest;
    synchronized (this) {
      List<WitnessedCheckpoint> h = histories.getOrDefault(client, List.of());
      newest = h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }
    try {
      Thread.sleep(readDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return newest;
  }

  /** Runs once, at the start of the next append: another writer getting in first. */
  synchronized void beforeNextAppend(Runnable r) {
    beforeNextAppend = r;
  }

  synchronized void appendUnchecked(WitnessedCheckpoint w) {
    histories.computeIfAbsent(w.client(), k -> new ArrayList<>()).add(w);
  }

  @Override
  public synchronized void append(WitnessedCheckpoint w, Runnable beforeCommit)
      throws ConcurrentWitnessException {
    Runnable other = beforeNextAppend;
    beforeNextAppend = () -> {};
    other.run();
    List<WitnessedCheckpoint> h = histories.computeIfAbsent(w.client(), k -> new ArrayList<>());
    if (w.sequence() != h.size()) {
      throw new ConcurrentWitnessException(w.client(), w.sequence());
    }
    beforeCommit.run();
    h.add(w);
  }

  synchronized List<WitnessedCheckpoint> history(String client) {
    return List.copyOf(histories.getOrDefault(client, List.of()));
  }
}
