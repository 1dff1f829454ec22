package com.sovereignstamp.bridge.witness;

import java.security.PublicKey;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * A log the bridge witnesses, and who may submit its checkpoints.
 *
 * @param name the client's name in the bridge's records (1–64 of {@code A-Za-z0-9._-})
 * @param subject the subject of the TLS client certificate it submits with
 * @param origin the {@code origin} its checkpoints carry (the name of its log)
 * @param checkpointKey the public key its checkpoints are signed with
 */
public record WitnessClient(
    String name, X500Principal subject, String origin, PublicKey checkpointKey) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public WitnessClient {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(checkpointKey, "checkpointKey");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a witness client's name is 1-64 of A-Za-z0-9._-");
    }
    if (origin.isBlank()) {
      throw new IllegalArgumentException("witness client " + name + " has no origin");
    }
  }
}
