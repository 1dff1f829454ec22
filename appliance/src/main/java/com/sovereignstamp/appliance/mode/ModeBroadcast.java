package com.sovereignstamp.appliance.mode;

/**
 * How a node tells the others of its transitions (a cluster adds an implementation; a single node
 * has {@link #NONE}). Receiving nodes pass what they hear to {@link OperatingMode#heard}, which
 * only ever tightens their state.
 */
@FunctionalInterface
public interface ModeBroadcast {
  ModeBroadcast NONE = state -> {};

  /** Sends this node's new state to the other nodes; must not block for long. */
  void publish(ModeState state);
}
