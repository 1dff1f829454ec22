package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.witness.WitnessRefusal;
import jakarta.ws.rs.core.Response;

/**
 * The witness endpoint's problem types: {@code https://sovereign-stamp.example/problems/witness/…}.
 */
enum WitnessProblem {
  INCONSISTENT_HISTORY(
      "inconsistent-history", 409, "The checkpoint does not extend the witnessed history"),
  UNKNOWN_CLIENT("unknown-client", 403, "The caller is not a witness client"),
  WRONG_ORIGIN("wrong-origin", 422, "The checkpoint is of another log than the caller's"),
  BAD_SIGNATURE("bad-signature", 422, "The checkpoint's signature does not verify"),
  MALFORMED("malformed", 400, "The request is not a valid witness submission"),
  NOT_FOUND("not-found", 404, "Nothing has been witnessed for the caller yet"),
  AUDIT_UNAVAILABLE("audit-unavailable", 503, "The audit trail cannot record the call"),
  UNAVAILABLE("unavailable", 503, "The witness cannot answer now"),
  INTERNAL("internal", 500, "Internal error");

  private final String code;
  private final int status;
  private final String title;

  WitnessProblem(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  static WitnessProblem of(WitnessRefusal.Reason reason) {
    return switch (reason) {
      case UNKNOWN_CLIENT -> UNKNOWN_CLIENT;
      case WRONG_ORIGIN -> WRONG_ORIGIN;
      case BAD_SIGNATURE -> BAD_SIGNATURE;
      case INCONSISTENT_HISTORY -> INCONSISTENT_HISTORY;
    };
  }

  /** The outcome the audit trail records: the last part of the type URI. */
  String code() {
    return code;
  }

  String type() {
    return Problems.TYPE_BASE + "witness/" + code;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  Response response(String detail) {
    return Problems.response(type(), status, title, detail);
  }
}
