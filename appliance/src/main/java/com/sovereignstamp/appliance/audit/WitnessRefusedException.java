package com.sovereignstamp.appliance.audit;

import java.util.Objects;

/**
 * The witness refused a call, or answered something that is not an answer. Not retried away: an
 * alarm until someone looks.
 */
public final class WitnessRefusedException extends Exception {
  /** The answer was not a witness answer (the reason of a malformed one). */
  public static final String MALFORMED_ANSWER = "malformed-answer";

  private static final long serialVersionUID = 1L;
  private final String reason;

  /**
   * @param reason the witness's problem code (such as {@code inconsistent-history}), or {@link
   *     #MALFORMED_ANSWER}
   * @param message what the witness said, in its words
   */
  public WitnessRefusedException(String reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String reason() {
    return reason;
  }
}
