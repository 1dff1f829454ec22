package com.sovereignstamp.appliance.mode;

import java.time.Duration;
import java.util.Objects;

/**
 * The monitor's timing: how long one watch is held at the bridge, how often the key's metadata is
 * polled beside it, and how long to wait before watching again after a failed watch.
 */
public record ModeMonitorSettings(Duration watchWait, Duration pollInterval, Duration retryDelay) {
  public ModeMonitorSettings {
    Objects.requireNonNull(watchWait, "watchWait");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (watchWait.isNegative() || watchWait.isZero()) {
      throw new IllegalArgumentException("the watch wait must be positive");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive");
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("the retry delay must not be negative");
    }
  }
}
