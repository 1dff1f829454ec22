package com.sovereignstamp.bridge.policy;

/** An officer's request the policy refuses, with a reason that can be shown to the officer. */
public final class PolicyException extends RuntimeException {
  /** Why; each is a stable problem type of the admin API. */
  public enum Reason {
    UNKNOWN_KEY("unknown-key"),
    AMBIGUOUS_KEY("ambiguous-key"),
    UNKNOWN_GRANT("unknown-grant"),
    NOT_REVOKED("not-revoked"),
    APPROVAL_INVALID("approval-invalid"),
    APPROVAL_EXPIRED("approval-expired"),
    APPROVAL_REUSED("approval-reused"),
    APPROVALS_INSUFFICIENT("approvals-insufficient");

    private final String slug;

    Reason(String slug) {
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }
  }

  private final Reason reason;

  public PolicyException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
