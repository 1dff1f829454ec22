package com.sovereignstamp.audit.checkpoint;

/** A checkpoint that cannot be read, or whose signature does not hold. */
public final class CheckpointException extends Exception {
  public CheckpointException(String message) {
    super(message);
  }
}
