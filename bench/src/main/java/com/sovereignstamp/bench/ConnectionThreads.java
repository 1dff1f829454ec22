package com.sovereignstamp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** One platform thread per connection. */
final class ConnectionThreads {
  private final List<Thread> threads;

  private ConnectionThreads(List<Thread> threads) {
    this.threads = threads;
  }

  /**
   * @param bodies makes the body of thread {@code i}
   */
  static ConnectionThreads start(String name, int count, IntFunction<Runnable> bodies) {
    List<Thread> threads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(bodies.apply(i), name + "-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    return new ConnectionThreads(threads);
  }

  /**
   * @param deadlineNanos when to give up waiting ({@link System#nanoTime()} scale)
   * @throws IllegalStateException when a thread is still running at the deadline
   */
  void join(long deadlineNanos) throws InterruptedException {
    for (Thread t : threads) {
      long left = deadlineNanos - System.nanoTime();
      t.join(Math.max(1, left / 1_000_000));
      if (t.isAlive()) {
        threads.forEach(Thread::interrupt);
        throw new IllegalStateException(t.getName() + " did not finish in time");
      }
    }
  }
}
