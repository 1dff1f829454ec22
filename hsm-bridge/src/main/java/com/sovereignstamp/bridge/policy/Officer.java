package com.sovereignstamp.bridge.policy;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A security officer named in the bridge's configuration: a name, and the certificate the officer
 * presents on the admin listener and whose key signs the officer's approvals.
 */
public record Officer(String name, X509Certificate certificate) {
  public Officer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(certificate, "certificate");
  }

  public String subject() {
    return certificate.getSubjectX500Principal().getName();
  }

  public PublicKey publicKey() {
    return certificate.getPublicKey();
  }

  /** Whether a client presented this officer's certificate (same subject and same key). */
  public boolean presented(X509Certificate client) {
    return client.getSubjectX500Principal().equals(certificate.getSubjectX500Principal())
        && Arrays.equals(client.getPublicKey().getEncoded(), publicKey().getEncoded());
  }
}
