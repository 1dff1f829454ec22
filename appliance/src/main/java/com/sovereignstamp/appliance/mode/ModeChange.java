package com.sovereignstamp.appliance.mode;

/**
 * One transition: from which state to which, and whether this node found it ({@code LOCAL}) or
 * heard it from another node ({@code BROADCAST}).
 */
public record ModeChange(ModeState from, ModeState to, Origin origin) {
  /** Where a transition came from. */
  public enum Origin {
    LOCAL,
    BROADCAST
  }
}
