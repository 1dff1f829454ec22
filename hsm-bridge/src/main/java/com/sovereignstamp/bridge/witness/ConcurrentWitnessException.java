package com.sovereignstamp.bridge.witness;

/** Another submission for the same client was stored first; read the newest again and retry. */
public final class ConcurrentWitnessException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConcurrentWitnessException(String client, long sequence) {
    super("witnessed checkpoint " + sequence + " of " + client + " was stored by someone else");
  }
}
