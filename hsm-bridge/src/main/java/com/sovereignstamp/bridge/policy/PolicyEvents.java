package com.sovereignstamp.bridge.policy;

import java.util.Map;

/** Where officer actions are recorded (the bridge's audit trail). */
@FunctionalInterface
public interface PolicyEvents {
  /**
   * Records an event.
   *
   * @throws RuntimeException if it cannot be recorded; a loosening change is then not made
   */
  void record(String event, Map<String, String> details);
}
