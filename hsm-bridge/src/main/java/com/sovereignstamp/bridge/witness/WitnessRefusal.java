package com.sovereignstamp.bridge.witness;

/** The witness would not co-sign, or would not answer this caller; the message says why. */
public final class WitnessRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why; {@link #code()} is the stable name used in metrics, the audit trail and problem types. */
  public enum Reason {
    /** The caller's certificate subject is not a registered witness client. */
    UNKNOWN_CLIENT("unknown-client"),
    /** The checkpoint is of another log than the client's. */
    WRONG_ORIGIN("wrong-origin"),
    /** The checkpoint's signature does not verify with the client's key. */
    BAD_SIGNATURE("bad-signature"),
    /** The checkpoint does not extend the last one witnessed: history rewritten or truncated. */
    INCONSISTENT_HISTORY("inconsistent-history");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;

  public WitnessRefusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
