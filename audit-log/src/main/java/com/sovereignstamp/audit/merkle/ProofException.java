package com.sovereignstamp.audit.merkle;

/**
 * Thrown by {@link ProofVerifier} when a proof does not prove what it claims: wrong length,
 * inconsistent sizes, or a recomputed root that differs from the trusted one. The message says
 * which check failed. A failed proof is an expected outcome when verifying untrusted data, hence a
 * checked exception.
 */
public final class ProofException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the failed check. */
  public ProofException(String message) {
    super(message);
  }
}
