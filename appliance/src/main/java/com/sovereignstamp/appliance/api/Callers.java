package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.audit.Actor;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token: MicroProfile JWT makes it the request's principal. Read
 * from the JAX-RS security context, not an injected {@code JsonWebToken}, whose CDI producer
 * resolves the caller again through JACC on every request.
 */
final class Callers {
  private Callers() {}

  static Actor actor(SecurityContext caller) {
    return actor(caller == null ? null : caller.getUserPrincipal());
  }

  static Actor actor(java.security.Principal principal) {
    if (principal instanceof JsonWebToken token && token.getSubject() != null) {
      return new Actor(token.getSubject(), token.getName());
    }
    throw new ProblemException(ProblemType.UNAUTHORIZED, null);
  }
}
