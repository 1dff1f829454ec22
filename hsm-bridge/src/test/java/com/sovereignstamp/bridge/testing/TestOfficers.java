package com.sovereignstamp.bridge.testing;

import com.sovereignstamp.bridge.officer.ApprovalSigner;
import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.ApprovalAction;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.Officer;
import com.sovereignstamp.fips.BcFips;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Officers with generated EC P-256 keys and self-signed certificates, and their approvals. */
public final class TestOfficers {
  /** An officer and the private key that signs the officer's approvals. */
  public record SigningOfficer(Officer officer, KeyPair keys) {
    public String name() {
      return officer.name();
    }

    /** An approval of this officer, signed, with a fresh nonce. */
    public Approval approve(
        String bridge, ApprovalAction action, KeyRef key, Optional<Grant> grant, Instant expires) {
      try {
        return ApprovalSigner.sign(
            bridge,
            action,
            key,
            grant,
            ApprovalSigner.newNonce(),
            expires,
            name(),
            keys.getPrivate());
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private TestOfficers() {}

  /** A fresh EC P-256 key pair (approved DRBG). */
  public static KeyPair ecKeyPair() throws java.security.GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcFips.provider());
    g.initialize(new ECGenParameterSpec("P-256"), BcFips.drbg());
    return g.generateKeyPair();
  }

  public static SigningOfficer officer(String name) {
    try {
      KeyPair pair = ecKeyPair();
      return new SigningOfficer(
          new Officer(name, selfSigned(pair, "CN=" + name + ",O=Test")), pair);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed certificate for the key pair, valid from a day ago for a year. */
  public static X509Certificate selfSigned(KeyPair pair, String subject) throws Exception {
    X500Principal name = new X500Principal(subject);
    Instant now = Instant.now();
    var holder =
        new JcaX509v3CertificateBuilder(
                name,
                new BigInteger(64, BcFips.drbg()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))),
                name,
                pair.getPublic())
            .build(
                new JcaContentSignerBuilder(ApprovalSigner.ALGORITHM)
                    .setProvider(BcFips.provider())
                    .setSecureRandom(BcFips.drbg())
                    .build(pair.getPrivate()));
    return new JcaX509CertificateConverter().setProvider(BcFips.provider()).getCertificate(holder);
  }
}
