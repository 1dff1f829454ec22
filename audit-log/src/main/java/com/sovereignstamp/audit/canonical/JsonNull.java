package com.sovereignstamp.audit.canonical;

/** The JSON {@code null} literal. */
public enum JsonNull implements JsonValue {
  /** The only instance. */
  INSTANCE
}
