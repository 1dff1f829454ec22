package com.sovereignstamp.bridge.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * Who may use a key for what: a credential (access key id) presented over a client certificate with
 * the given subject (RFC 2253), for the given uses. A grant is identified by key, credential and
 * subject; granting again with other uses replaces its uses.
 */
public record Grant(KeyRef key, String credential, String clientSubject, Set<KeyUse> uses) {
  public Grant {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(clientSubject, "clientSubject");
    if (uses.isEmpty()) {
      throw new IllegalArgumentException("a grant needs at least one use");
    }
    uses = Set.copyOf(EnumSet.copyOf(uses));
    clientSubject = rfc2253(clientSubject);
  }

  /**
   * Whether this grant is the one for that credential and subject on its key (subjects compared as
   * X.500 names, not as text).
   */
  public boolean sameHolder(String credential, String clientSubject) {
    return this.credential.equals(credential)
        && canonical(this.clientSubject).equals(canonical(clientSubject));
  }

  /** The subject as RFC 2253 text ({@code ""}: a call made without a client certificate). */
  private static String rfc2253(String subject) {
    return subject.isEmpty() ? "" : new X500Principal(subject).getName(X500Principal.RFC2253);
  }

  private static String canonical(String subject) {
    return subject.isEmpty() ? "" : new X500Principal(subject).getName(X500Principal.CANONICAL);
  }

  /** The uses in a fixed order, as their wire names joined by commas: {@code decrypt,encrypt}. */
  public String usesText() {
    return uses.stream().sorted().map(KeyUse::wireName).collect(Collectors.joining(","));
  }
}
