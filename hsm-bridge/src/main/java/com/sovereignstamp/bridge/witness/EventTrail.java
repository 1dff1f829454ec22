package com.sovereignstamp.bridge.witness;

import java.util.Map;

/** Where the witness records what it did: the bridge's own audit trail. */
@FunctionalInterface
public interface EventTrail {
  /** Returns once the event is durable; throws (unchecked) if it cannot be recorded. */
  void event(String name, Map<String, String> details);
}
