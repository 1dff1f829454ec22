package com.sovereignstamp.bridge.auth;

import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * An authenticated caller: the verified SigV4 credential and, with mutual TLS, the verified
 * client-certificate subject it was presented with.
 */
public record Caller(CredentialDefinition credential, Optional<X500Principal> subject) {
  public String accessKeyId() {
    return credential.accessKeyId();
  }
}
