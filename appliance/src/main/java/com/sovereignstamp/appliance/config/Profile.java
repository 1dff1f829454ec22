package com.sovereignstamp.appliance.config;

/** Demo (embedded H2, demo token issuer allowed) or production (neither). */
public enum Profile {
  DEMO,
  PRODUCTION
}
