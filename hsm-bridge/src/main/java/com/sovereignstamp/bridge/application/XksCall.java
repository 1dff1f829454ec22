package com.sovereignstamp.bridge.application;

import com.sovereignstamp.sigv4.SigV4Request;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * One XKS call as it arrived.
 *
 * @param request the signed parts: method, raw path and query, headers, body
 * @param clientCertificate the verified client certificate, when mutual TLS was used
 */
public record XksCall(SigV4Request request, Optional<X509Certificate> clientCertificate) {}
