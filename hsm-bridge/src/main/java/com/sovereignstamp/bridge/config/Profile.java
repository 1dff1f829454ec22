package com.sovereignstamp.bridge.config;

/** Demo relaxes nothing that matters for keys, but allows the software backend and test hooks. */
public enum Profile {
  DEMO,
  PRODUCTION
}
