package com.sovereignstamp.bridge.witness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The clients the bridge witnesses for, found by their certificate subject. Names, subjects and
 * origins are each unique: one subject is one client, one log has one witnessed history.
 */
public final class WitnessClients {
  private final List<WitnessClient> clients;
  private final Map<X500Principal, WitnessClient> bySubject = new HashMap<>();

  public WitnessClients(List<WitnessClient> clients) {
    this.clients = List.copyOf(clients);
    Set<String> names = new HashSet<>();
    Set<String> origins = new HashSet<>();
    for (WitnessClient c : this.clients) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("witness client " + c.name() + " is listed twice");
      }
      if (!origins.add(c.origin())) {
        throw new IllegalArgumentException(
            "two witness clients submit checkpoints of the log '" + c.origin() + "'");
      }
      if (bySubject.put(c.subject(), c) != null) {
        throw new IllegalArgumentException(
            "two witness clients have the certificate subject " + c.subject().getName());
      }
    }
  }

  /** No clients: the witness refuses everyone. */
  public static WitnessClients none() {
    return new WitnessClients(List.of());
  }

  /** The client whose certificate has this subject (compared as X.500 names, RFC 2253). */
  public Optional<WitnessClient> bySubject(X500Principal subject) {
    return Optional.ofNullable(bySubject.get(subject));
  }

  public List<WitnessClient> all() {
    return clients;
  }
}
