package com.sovereignstamp.appliance.audit;

/** The witness cannot be reached or cannot answer now; the next round tries again. */
public final class WitnessUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public WitnessUnavailableException(String message) {
    super(message);
  }
}
