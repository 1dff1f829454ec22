package com.sovereignstamp.appliance.mode;

import com.sovereignstamp.appliance.keys.KeyServiceException;
import com.sovereignstamp.appliance.keys.KeyServiceFailures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the customer key's state at the bridge and moves the {@link OperatingMode}: a watch held
 * open at the bridge (answered the moment the officers change the key's policy), a slower metadata
 * poll beside it as a safety net, and every failure of the data path as it happens.
 *
 * <ul>
 *   <li>disabled, unknown, grant withdrawn, or the bridge refusing the stamp (401/403) → {@code
 *       REVOKED};
 *   <li>no answer in time, no connection, or the HSM behind the bridge out of reach → {@code
 *       DEGRADED_READ_ONLY};
 *   <li>{@code ENABLED} while not {@code NORMAL} → a test wrap and unwrap; if it succeeds, {@code
 *       NORMAL}.
 * </ul>
 */
public final class ModeMonitor implements KeyServiceFailures, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ModeMonitor.class.getName());

  private final OperatingMode mode;
  private final KeyStatusSource source;
  private final ModeMonitorSettings settings;
  private final Object verifying = new Object();
  private final AtomicLong watchAnswers = new AtomicLong();
  private final AtomicLong pollAnswers = new AtomicLong();
  private volatile boolean running;
  private Thread watcher;
  private Thread poller;

  public ModeMonitor(OperatingMode mode, KeyStatusSource source, ModeMonitorSettings settings) {
    this.mode = mode;
    this.source = source;
    this.settings = settings;
  }

  /** Starts the watch and the poll, each on a daemon thread of its own. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    watcher = daemon("mode-watch", this::watchLoop);
    poller = daemon("mode-poll", this::pollLoop);
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void watchLoop() {
    long since = -1;
    while (running) {
      try {
        KeyWatchAnswer answer = source.watch(since, settings.watchWait());
        watchAnswers.incrementAndGet();
        since = answer.version();
        observe(answer.state(), "watch");
      } catch (KeyServiceException e) {
        if (!running) {
          return;
        }
        failed(e, "watch");
        since = -1;
        pause(settings.retryDelay());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the key watch failed: " + e.getMessage(), e);
        since = -1;
        pause(settings.retryDelay());
      }
    }
  }

  private void pollLoop() {
    while (running) {
      pause(settings.pollInterval());
      if (!running) {
        return;
      }
      try {
        KeyState state = source.describe();
        pollAnswers.incrementAndGet();
        observe(state, "metadata poll");
      } catch (KeyServiceException e) {
        failed(e, "metadata poll");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the key metadata poll failed: " + e.getMessage(), e);
      }
    }
  }

  /** One observation of the key's state, from the watch or the poll ({@code via} names which). */
  public void observe(KeyState state, String via) {
    switch (state) {
      case ENABLED -> {
        if (mode.mode() != Mode.NORMAL) {
          verify(via);
        }
      }
      case DISABLED -> mode.revoked("the key is disabled at the bridge (" + via + ")");
      case NOT_FOUND -> mode.revoked("the bridge does not know the key (" + via + ")");
      case NOT_GRANTED ->
          mode.revoked("the bridge withdrew this stamp's grant on the key (" + via + ")");
    }
  }

  /** The key is said to be enabled: back to {@code NORMAL} if a test wrap and unwrap succeed. */
  private void verify(String via) {
    synchronized (verifying) {
      if (mode.mode() == Mode.NORMAL) {
        return;
      }
      try {
        source.probe();
        mode.verified("the key is enabled at the bridge (" + via + ") and a test unwrap succeeded");
      } catch (KeyServiceException e) {
        failed(e, "test unwrap after " + via);
      }
    }
  }

  /** A failure of the data path (a wrap or unwrap for a request). */
  @Override
  public void failed(KeyServiceException e) {
    failed(e, "key use");
  }

  private void failed(KeyServiceException e, String via) {
    switch (e.reason()) {
      case REVOKED -> mode.revoked("the bridge answered that the key is disabled (" + via + ")");
      case KEY_NOT_FOUND -> mode.revoked("the bridge does not know the key (" + via + ")");
      case REFUSED ->
          mode.revoked(
              "the bridge refused this stamp: credential or grant withdrawn (" + via + ")");
      case UNREACHABLE, FAILED ->
          mode.unreachable("the bridge or the HSM behind it did not answer (" + via + ")");
      case INVALID_CIPHERTEXT -> {
        // one damaged or misplaced wrapped key says nothing about the key service
      }
    }
  }

  /** Watch answers received (each one a round trip to the bridge). */
  public long watchAnswers() {
    return watchAnswers.get();
  }

  /** Metadata polls answered. */
  public long pollAnswers() {
    return pollAnswers.get();
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops both loops (the watch's request is cut when the bridge client is closed). */
  @Override
  public synchronized void close() {
    running = false;
    if (watcher != null) {
      watcher.interrupt();
      poller.interrupt();
    }
  }
}
