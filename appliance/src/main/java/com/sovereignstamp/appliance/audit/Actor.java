package com.sovereignstamp.appliance.audit;

import java.util.Objects;

/**
 * Who asked: the token's subject and its display name, or the appliance itself.
 *
 * @param subject the token's {@code sub} (or {@code appliance} for the system)
 * @param name the token's {@code upn}/{@code preferred_username}, or the subject
 */
public record Actor(String subject, String name) {
  public static final Actor SYSTEM = new Actor("appliance", "appliance");

  public Actor {
    Objects.requireNonNull(subject, "subject");
    name = name == null || name.isBlank() ? subject : name;
  }

  /** The subject id only: a user's name is personal data and must not reach a log. */
  @Override
  public String toString() {
    return "Actor[" + subject + "]";
  }
}
