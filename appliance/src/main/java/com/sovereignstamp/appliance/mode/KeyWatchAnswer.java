package com.sovereignstamp.appliance.mode;

/** One answer of the bridge's watch: the policy version it describes and the key's state then. */
public record KeyWatchAnswer(long version, KeyState state) {}
