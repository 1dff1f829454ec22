package com.sovereignstamp.appliance.audit;

/** How an audited operation ended. */
public enum Outcome {
  SUCCESS,
  /** Refused before anything happened: a client's mistake or missing rights. */
  REFUSED,
  /** Tried and failed: the bridge, the database, an integrity check. */
  FAILURE
}
