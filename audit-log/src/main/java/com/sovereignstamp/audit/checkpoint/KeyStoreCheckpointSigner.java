package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.fips.BcFips;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

/**
 * The checkpoint key in a Bouncy Castle FIPS key store file (BCFKS), for hosts without a PKCS#11
 * token. The key store is password-protected and written readable by its owner only; a self-signed
 * certificate carries the public key because a key store entry needs one.
 */
public final class KeyStoreCheckpointSigner extends PrivateKeyCheckpointSigner {
  static final String TYPE = "BCFKS";

  private KeyStoreCheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
    super(privateKey, publicKey);
  }

  /** Opens the key entry {@code alias} of an existing key store. */
  public static KeyStoreCheckpointSigner open(Path file, char[] password, String alias)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(TYPE, BcFips.provider());
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password);
    }
    if (!ks.isKeyEntry(alias)) {
      throw new GeneralSecurityException("no key entry '" + alias + "' in " + file);
    }
    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
    return new KeyStoreCheckpointSigner(key, ks.getCertificate(alias).getPublicKey());
  }

  /** Creates a key store with a fresh P-256 key under {@code alias}; refuses to overwrite. */
  public static void generate(Path file, char[] password, String alias, String subject)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC", BcFips.provider());
    gen.initialize(new ECGenParameterSpec("P-256"), BcFips.drbg());
    KeyPair pair = gen.generateKeyPair();
    KeyStore ks = KeyStore.getInstance(TYPE, BcFips.provider());
    ks.load(null, null);
    ks.setKeyEntry(
        alias,
        pair.getPrivate(),
        password,
        new X509Certificate[] {
          SelfSignedCertificates.create(
              pair.getPublic(), pair.getPrivate(), BcFips.provider(), subject)
        });
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password);
    }
  }
}
