package com.sovereignstamp.bridge.xks;

import java.util.Optional;

/**
 * A validated XKS encrypt request.
 *
 * @param aad the caller's additional authenticated data, empty when absent
 * @param integrityValueRequested whether {@code ciphertextDataIntegrityValueAlgorithm} was sent
 */
public record EncryptRequest(
    RequestMetadata metadata,
    byte[] plaintext,
    Optional<byte[]> aad,
    boolean integrityValueRequested) {

  @Override
  public String toString() {
    return "EncryptRequest[" + metadata.kmsRequestId() + ", " + plaintext.length + " bytes]";
  }
}
