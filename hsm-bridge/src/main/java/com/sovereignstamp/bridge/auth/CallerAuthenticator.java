package com.sovereignstamp.bridge.auth;

import com.sovereignstamp.bridge.xks.RequestMetadata;
import com.sovereignstamp.bridge.xks.XksError;
import com.sovereignstamp.bridge.xks.XksException;
import com.sovereignstamp.sigv4.SigV4Exception;
import com.sovereignstamp.sigv4.SigV4Request;
import com.sovereignstamp.sigv4.SigV4Verifier;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Authenticates one XKS call: a SigV4 signature by a credential of the addressed key store, made by
 * a client whose certificate subject that credential is tied to. The asserted principal is then
 * checked against the principals the credential may assert.
 */
public final class CallerAuthenticator {
  static final String SERVICE = "kms-xks-proxy";
  private static final String REFUSED = "The request signature or credential is not valid.";

  private final String region;
  private final Clock clock;
  private final Duration maxSkew;
  private final boolean mtlsRequired;

  public CallerAuthenticator(String region, Clock clock, Duration maxSkew, boolean mtlsRequired) {
    this.region = region;
    this.clock = clock;
    this.maxSkew = maxSkew;
    this.mtlsRequired = mtlsRequired;
  }

  public Caller authenticate(
      KeyStoreDefinition store, SigV4Request request, Optional<X509Certificate> clientCert) {
    SigV4Verifier verifier =
        new SigV4Verifier(
            id -> store.credential(id).map(CredentialDefinition::secret),
            region,
            SERVICE,
            clock,
            maxSkew);
    String accessKeyId;
    try {
      accessKeyId = verifier.verify(request);
    } catch (SigV4Exception e) {
      throw refused(
          "SigV4 " + e.reason() + (e.accessKeyId() == null ? "" : " for " + e.accessKeyId()));
    }
    CredentialDefinition credential = store.credential(accessKeyId).orElseThrow();
    Optional<X500Principal> subject = clientCert.map(X509Certificate::getSubjectX500Principal);
    if (subject.isEmpty()) {
      if (mtlsRequired) {
        throw refused("no client certificate presented with " + accessKeyId);
      }
    } else if (!credential.clientSubjects().contains(subject.get())) {
      throw refused(accessKeyId + " presented by a client it is not tied to: " + subject.get());
    }
    return new Caller(credential, subject);
  }

  /**
   * The asserted {@code awsPrincipalArn} must be one the credential may assert, if it lists any.
   */
  public void authorize(Caller caller, RequestMetadata metadata) {
    var allowed = caller.credential().principals();
    if (allowed.isEmpty() || metadata.awsPrincipalArn().isEmpty()) {
      return;
    }
    if (!allowed.contains(metadata.awsPrincipalArn().get())) {
      throw new XksException(
          XksError.ACCESS_DENIED,
          "The asserted principal may not use this key store.",
          caller.accessKeyId() + " asserted principal " + metadata.awsPrincipalArn().get());
    }
  }

  private static XksException refused(String detail) {
    return new XksException(XksError.AUTHENTICATION_FAILED, REFUSED, detail);
  }
}
