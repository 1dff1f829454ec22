package com.sovereignstamp.audit.checkpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/** A public key's id: the first 16 bytes of SHA-256 over its SubjectPublicKeyInfo, in hex. */
public final class KeyIds {
  private KeyIds() {}

  public static String of(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
