package com.sovereignstamp.bridge.auth;

import com.sovereignstamp.sigv4.SigningSecret;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * One SigV4 credential of a key store.
 *
 * @param clientSubjects the client-certificate subjects allowed to present this credential
 * @param principals the {@code awsPrincipalArn} values this caller may assert (empty: any)
 */
public record CredentialDefinition(
    String accessKeyId,
    SigningSecret secret,
    List<X500Principal> clientSubjects,
    List<String> principals) {

  public CredentialDefinition {
    clientSubjects = List.copyOf(clientSubjects);
    principals = List.copyOf(principals);
  }
}
