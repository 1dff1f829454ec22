package com.sovereignstamp.bridge.pkcs11;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the HSM over PKCS#11.
 *
 * @param library the vendor's PKCS#11 module (a shared library)
 * @param tokenLabel the token to use, by label; or empty to use {@code slot}
 * @param slot the slot id to use when no token label is given
 * @param pin where the user PIN is read from (a file or an environment variable)
 * @param sessions how many sessions the pool holds (and how many HSM calls run at once)
 * @param callTimeout how long one HSM call may take before the caller gets a timeout
 * @param reconnectInterval how often a lost link is retried
 */
public record Pkcs11Settings(
    Path library,
    Optional<String> tokenLabel,
    Optional<Long> slot,
    PinSource pin,
    int sessions,
    Duration callTimeout,
    Duration reconnectInterval) {

  public Pkcs11Settings {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(pin, "pin");
    if (tokenLabel.isEmpty() && slot.isEmpty()) {
      throw new IllegalArgumentException("name the token by label or the slot by id");
    }
    if (sessions < 1 || sessions > 256) {
      throw new IllegalArgumentException("sessions must be between 1 and 256");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive");
    }
    if (reconnectInterval.isNegative() || reconnectInterval.isZero()) {
      throw new IllegalArgumentException("reconnectInterval must be positive");
    }
  }
}
