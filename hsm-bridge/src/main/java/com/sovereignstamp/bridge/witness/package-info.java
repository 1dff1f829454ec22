/**
 * The bridge as a witness for other logs (the stamp's appliance, later): a registered client
 * submits its latest signed checkpoint with a consistency proof from the last one the bridge
 * witnessed for it; the bridge checks the client's signature and the proof, co-signs with its own
 * checkpoint key, stores the witnessed checkpoint and records it in its own audit trail. A
 * checkpoint that is not an extension of the last witnessed one (a rewritten or truncated history)
 * is refused and raised as an alarm. The first checkpoint of a client is trusted on first use.
 *
 * <p>Domain only: no HTTP and no JDBC; storage is the {@link
 * com.sovereignstamp.bridge.witness.WitnessedCheckpoints} port, the audit trail and the metrics are
 * reached through {@link com.sovereignstamp.bridge.witness.EventTrail} and {@link
 * com.sovereignstamp.bridge.witness.WitnessCounters}.
 */
package com.sovereignstamp.bridge.witness;
