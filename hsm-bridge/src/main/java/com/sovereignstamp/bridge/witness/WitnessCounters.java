package com.sovereignstamp.bridge.witness;

/** What the witness counts, for the bridge's metrics. */
public interface WitnessCounters {
  /** A checkpoint of this client was co-signed. */
  void witnessCosigned(String client);

  /** A checkpoint of this client did not extend the one witnessed before: an alarm. */
  void witnessInconsistent(String client);

  /** A submission was refused for another reason (unknown client, wrong origin, bad signature). */
  void witnessRefused(String reason);
}
