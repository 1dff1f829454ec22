package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.fips.BcFips;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;

/**
 * Signs checkpoints with a P-256 private key held in this process (read from a key store or a PEM
 * file by the subclass), through Bouncy Castle FIPS.
 */
abstract class PrivateKeyCheckpointSigner implements CheckpointSigner {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;
  private final SecureRandom random = BcFips.drbg();

  PrivateKeyCheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = KeyIds.of(publicKey);
  }

  @Override
  public final String keyId() {
    return keyId;
  }

  @Override
  public final PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public final synchronized byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance(CheckpointVerifier.ALGORITHM, BcFips.provider());
      s.initSign(privateKey, random);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "checkpoint signing failed: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[" + keyId + "]";
  }
}
