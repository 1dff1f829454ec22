package com.sovereignstamp.bridge.witness;

/** The store of witnessed checkpoints cannot be read or written; nothing was stored. */
public final class WitnessStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WitnessStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
