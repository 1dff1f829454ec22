package com.sovereignstamp.appliance.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audited operation. {@code details} name the collection, document, key and version, the reason
 * of a failure — never content, key bytes or a token. The trail adds time and region.
 */
public record AuditEvent(String action, Actor actor, Outcome outcome, Map<String, String> details) {
  public AuditEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(outcome, "outcome");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static Builder of(String action, Actor actor) {
    return new Builder(action, actor);
  }

  /** Collects the details of an event. */
  public static final class Builder {
    private final String action;
    private final Actor actor;
    private final Map<String, String> details = new LinkedHashMap<>();

    private Builder(String action, Actor actor) {
      this.action = action;
      this.actor = actor;
    }

    public Builder with(String key, Object value) {
      if (value != null) {
        details.put(key, String.valueOf(value));
      }
      return this;
    }

    public AuditEvent outcome(Outcome outcome) {
      return new AuditEvent(action, actor, outcome, details);
    }
  }
}
