/**
 * The stamp's operating modes (ARCHITECTURE.md "Operating modes"): {@code NORMAL}, {@code
 * DEGRADED_READ_ONLY} when the bridge or the HSM behind it cannot be reached, {@code REVOKED} when
 * the customer's key is disabled, gone, or the bridge refuses the stamp. {@link OperatingMode}
 * holds the state and its transitions, {@link ModeMonitor} learns the key's state from the bridge
 * (watch and poll), the data plane asks the mode before every content operation.
 */
package com.sovereignstamp.appliance.mode;
