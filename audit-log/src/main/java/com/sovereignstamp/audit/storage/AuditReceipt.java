package com.sovereignstamp.audit.storage;

/**
 * Proof of recording: the entry's index in the log (its Merkle leaf position) and its leaf hash.
 */
public record AuditReceipt(long index, byte[] leafHash) {
  public AuditReceipt {
    leafHash = leafHash.clone();
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }
}
