package com.sovereignstamp.bridge.api;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** The client certificate the TLS listener verified for a request (mutual TLS). */
final class ClientCertificates {
  private static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

  private ClientCertificates() {}

  static Optional<X509Certificate> of(HttpServletRequest http) {
    Object chain = http.getAttribute(CERTIFICATE_ATTRIBUTE);
    if (chain instanceof X509Certificate[] certs && certs.length > 0) {
      return Optional.of(certs[0]);
    }
    return Optional.empty();
  }

  static Optional<X500Principal> subject(HttpServletRequest http) {
    return of(http).map(X509Certificate::getSubjectX500Principal);
  }
}
