package com.sovereignstamp.appliance.mode;

import java.time.Instant;
import java.util.Objects;

/**
 * A mode, since when the stamp is in it and why (a short text for operators: never key material,
 * never a token).
 */
public record ModeState(Mode mode, Instant since, String reason) {
  public ModeState {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(reason, "reason");
  }
}
