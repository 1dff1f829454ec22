package com.sovereignstamp.sigv4;

/** A request whose SigV4 signature does not hold. The reason is for logs and audit only. */
public final class SigV4Exception extends Exception {
  /** Why a signature was refused. */
  public enum Reason {
    MISSING_AUTHORIZATION,
    MALFORMED_AUTHORIZATION,
    WRONG_SCOPE,
    MISSING_DATE,
    MISSING_SIGNED_HEADER,
    REQUIRED_HEADER_NOT_SIGNED,
    CLOCK_SKEW,
    UNKNOWN_ACCESS_KEY,
    SIGNATURE_MISMATCH
  }

  private final Reason reason;
  private final String accessKeyId;

  public SigV4Exception(Reason reason, String accessKeyId) {
    super(reason.name());
    this.reason = reason;
    this.accessKeyId = accessKeyId;
  }

  public Reason reason() {
    return reason;
  }

  /** The access key id the request claimed, or null when none could be read. */
  public String accessKeyId() {
    return accessKeyId;
  }
}
