package com.sovereignstamp.bridge.officer;

import com.sovereignstamp.audit.checkpoint.Pkcs8Pem;
import com.sovereignstamp.fips.BcFips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/**
 * An officer's private key as an unencrypted PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----},
 * RFC 7468 §10), read as an EC key by Bouncy Castle FIPS. The file is handled as bytes only (no
 * {@code String} copy of the key), and its bytes and the decoded key bytes are zeroed once the key
 * is made.
 */
public final class PrivateKeyPem {
  private PrivateKeyPem() {}

  public static PrivateKey read(Path file) throws IOException, GeneralSecurityException {
    byte[] raw = Files.readAllBytes(file);
    byte[] der = null;
    try {
      der = Pkcs8Pem.decode(raw, file);
      PrivateKey key;
      try {
        key =
            KeyFactory.getInstance("EC", BcFips.provider())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new GeneralSecurityException("the key in " + file + " is not an EC private key");
      }
      if (!(key instanceof ECPrivateKey)) {
        throw new GeneralSecurityException("the key in " + file + " is not an EC private key");
      }
      return key;
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
    }
  }
}
