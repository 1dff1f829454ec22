package com.sovereignstamp.bridge.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The bridge as a witness for other logs.
 *
 * @param clientsFile the witness clients file ({@code bridge.witness.clients-file}); none: no
 *     clients, every submission is refused
 */
public record WitnessSettings(Optional<Path> clientsFile) {
  public WitnessSettings {
    Objects.requireNonNull(clientsFile, "clientsFile");
  }

  /** No witness clients. */
  public static WitnessSettings none() {
    return new WitnessSettings(Optional.empty());
  }
}
