package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.audit.Actor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token. */
final class Callers {
  private Callers() {}

  static Actor actor(JsonWebToken token) {
    if (token == null || token.getSubject() == null) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, null);
    }
    return new Actor(token.getSubject(), token.getName());
  }
}
