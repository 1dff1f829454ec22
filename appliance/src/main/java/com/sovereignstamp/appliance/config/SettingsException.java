package com.sovereignstamp.appliance.config;

/** A setting is missing or breaks a rule; the appliance does not start. */
public final class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
