package com.sovereignstamp.audit.checkpoint;

import java.security.PublicKey;

/** Signs checkpoints with ECDSA P-256 / SHA-256; the private key never leaves its store. */
public interface CheckpointSigner {
  /** The key's id: see {@link KeyIds}. */
  String keyId();

  PublicKey publicKey();

  /** An ECDSA signature (DER) over the message. */
  byte[] sign(byte[] message);

  default SignedCheckpoint sign(Checkpoint checkpoint) {
    return new SignedCheckpoint(checkpoint, keyId(), sign(checkpoint.signedBytes()));
  }
}
