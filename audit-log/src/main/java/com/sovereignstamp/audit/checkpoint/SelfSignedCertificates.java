package com.sovereignstamp.audit.checkpoint;

import com.sovereignstamp.fips.BcFips;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate that carries a checkpoint key's public half in a key store (a BCFKS
 * file or a PKCS#11 token): key stores keep a private key only together with a certificate. The
 * certificate vouches for nothing; verifiers take the trusted public key from elsewhere.
 */
final class SelfSignedCertificates {
  private SelfSignedCertificates() {}

  /**
   * A certificate for {@code publicKey}, valid for ten years, signed with {@code privateKey}
   * through {@code signingProvider} (the provider that holds the private key).
   */
  static X509Certificate create(
      PublicKey publicKey, PrivateKey privateKey, Provider signingProvider, String subject)
      throws GeneralSecurityException {
    X500Principal name = new X500Principal(subject);
    Instant now = Instant.now();
    try {
      var holder =
          new JcaX509v3CertificateBuilder(
                  name,
                  new BigInteger(64, BcFips.drbg()),
                  Date.from(now.minus(Duration.ofMinutes(5))),
                  Date.from(now.plus(Duration.ofDays(3650))),
                  name,
                  publicKey)
              .build(
                  new JcaContentSignerBuilder(CheckpointVerifier.ALGORITHM)
                      .setProvider(signingProvider)
                      .setSecureRandom(BcFips.drbg())
                      .build(privateKey));
      return new JcaX509CertificateConverter()
          .setProvider(BcFips.provider())
          .getCertificate(holder);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign the key's certificate", e);
    }
  }
}
