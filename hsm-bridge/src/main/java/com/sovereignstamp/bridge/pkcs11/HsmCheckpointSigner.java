package com.sovereignstamp.bridge.pkcs11;

import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.KeyIds;
import com.sovereignstamp.fips.BcFips;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * Signs the audit log's checkpoints with an EC P-256 key in the bridge's own HSM token, through the
 * same sessions, deadline and link keeping as the XKS keys (a second PKCS#11 client in the same
 * process would be finalised under its feet when the link is re-established). The digest is SHA-256
 * from Bouncy Castle FIPS; the signature is made inside the token.
 */
public final class HsmCheckpointSigner implements CheckpointSigner {
  private final Pkcs11KeyBackend backend;
  private final String label;
  private volatile PublicKey publicKey;

  public HsmCheckpointSigner(Pkcs11KeyBackend backend, String label) {
    this.backend = backend;
    this.label = label;
  }

  @Override
  public String keyId() {
    return KeyIds.of(publicKey());
  }

  /** Read from the token on first use (the link may be down at start) and kept. */
  @Override
  public PublicKey publicKey() {
    PublicKey k = publicKey;
    if (k == null) {
      try {
        k =
            KeyFactory.getInstance("EC", BcFips.provider())
                .generatePublic(new X509EncodedKeySpec(backend.publicKeyInfo(label)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the token's checkpoint key is not a usable EC key", e);
      }
      publicKey = k;
    }
    return k;
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256", BcFips.provider()).digest(message);
      return backend.signDigest(label, digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
