package com.sovereignstamp.bridge.it;

import java.time.Duration;

/** Retries an assertion until it holds or the time is up (for reloads that take effect async). */
final class Eventually {
  private Eventually() {}

  static void holds(Duration within, Runnable assertion) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
