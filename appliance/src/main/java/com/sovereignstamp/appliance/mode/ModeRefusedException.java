package com.sovereignstamp.appliance.mode;

/** The stamp's mode does not allow the operation; nothing was changed. */
public final class ModeRefusedException extends RuntimeException {
  private final Refusal refusal;
  private final transient ModeState state;

  public ModeRefusedException(Refusal refusal, ModeState state) {
    super(message(refusal, state), null, false, false);
    this.refusal = refusal;
    this.state = state;
  }

  public Refusal refusal() {
    return refusal;
  }

  public ModeState state() {
    return state;
  }

  private static String message(Refusal refusal, ModeState state) {
    return switch (refusal) {
      case KEY_REVOKED -> "the customer's key is revoked for this stamp since " + state.since();
      case READ_ONLY -> "the stamp is read-only since " + state.since() + ": " + state.reason();
      case NOT_SERVED_WHILE_DEGRADED ->
          "the stamp is read-only since "
              + state.since()
              + " and does not serve this collection's classification until the key service"
              + " answers again";
      case KEY_NOT_CACHED ->
          "the stamp is read-only since "
              + state.since()
              + " and this collection's key is not in its cache";
    };
  }
}
