package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.fips.BcFips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The checkpoint key as an unencrypted PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}, RFC
 * 7468 §10; what {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} writes),
 * for a service whose key file is protected by the operating system: the file must be readable and
 * writable by its owner only (mode 0600 or 0400), otherwise it is refused. The key must be EC
 * P-256; its public half is computed from the private one, so a file without the optional public
 * key works too.
 *
 * <p>The file is handled as bytes (no {@code String} copy of the key) and every copy is zeroed once
 * the key is made. Messages name the file, never its content.
 */
public final class PemFileCheckpointSigner extends PrivateKeyCheckpointSigner {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private PemFileCheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
    super(privateKey, publicKey);
  }

  /**
   * Reads the key file.
   *
   * @throws IOException if the file cannot be read, or group or others may read or write it
   * @throws GeneralSecurityException if it holds no unencrypted PKCS#8 EC P-256 private key
   */
  public static PemFileCheckpointSigner open(Path file)
      throws IOException, GeneralSecurityException {
    requireOwnerOnly(file);
    byte[] raw = Files.readAllBytes(file);
    byte[] der = null;
    try {
      der = Pkcs8Pem.decode(raw, file);
      requireP256(der, file);
      PrivateKey key;
      try {
        key =
            KeyFactory.getInstance("EC", BcFips.provider())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new GeneralSecurityException("the key in " + file + " is not an EC private key");
      }
      if (!(key instanceof ECPrivateKey ec)) {
        throw new GeneralSecurityException("the key in " + file + " is not an EC private key");
      }
      return new PemFileCheckpointSigner(key, publicKeyOf(ec));
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
    }
  }

  private static void requireOwnerOnly(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // no POSIX permissions on this file system: the operator protects the file
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new IOException("cannot read the checkpoint key file " + file, null);
    }
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new IOException(
          "the checkpoint key file "
              + file
              + " may be read or written by others than its owner; make it mode 0600");
    }
  }

  private static void requireP256(byte[] der, Path file) throws GeneralSecurityException {
    AlgorithmIdentifier algorithm;
    try {
      algorithm = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm();
    } catch (RuntimeException e) {
      // the ASN.1 parser throws IllegalArgumentException and friends for malformed input
      throw new GeneralSecurityException("the key block of " + file + " is not PKCS#8");
    }
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
        || !X9ObjectIdentifiers.prime256v1.equals(algorithm.getParameters())) {
      throw new GeneralSecurityException("the key in " + file + " is not an EC P-256 key");
    }
  }

  /** Q = d·G on P-256, as a SubjectPublicKeyInfo the provider reads. */
  private static PublicKey publicKeyOf(ECPrivateKey key) throws GeneralSecurityException {
    byte[] point =
        SECNamedCurves.getByOID(X9ObjectIdentifiers.prime256v1)
            .getG()
            .multiply(key.getS())
            .normalize()
            .getEncoded(false);
    try {
      byte[] spki =
          new SubjectPublicKeyInfo(
                  new AlgorithmIdentifier(
                      X9ObjectIdentifiers.id_ecPublicKey, X9ObjectIdentifiers.prime256v1),
                  point)
              .getEncoded();
      return KeyFactory.getInstance("EC", BcFips.provider())
          .generatePublic(new X509EncodedKeySpec(spki));
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode the public key", e);
    }
  }
}
