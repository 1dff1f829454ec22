package com.sovereignstamp.appliance.egress;

import com.sovereignstamp.appliance.residency.Destination;
import com.sovereignstamp.appliance.residency.EgressPurpose;
import java.io.IOException;

/**
 * The residency policy does not let this connection out; nothing was sent. An {@link IOException},
 * so that a caller treats it like any connection that could not be made; it is counted ({@code
 * stamp_egress_refused_total}) and audited ({@code egress.refused}) before it is thrown.
 */
public final class EgressRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Destination destination;
  private final EgressPurpose purpose;
  private final String reason;

  public EgressRefusedException(Destination destination, EgressPurpose purpose, String reason) {
    super(
        "egress to "
            + destination
            + " ("
            + purpose.wireName()
            + ") refused by the residency policy: "
            + reason);
    this.destination = destination;
    this.purpose = purpose;
    this.reason = reason;
  }

  public Destination destination() {
    return destination;
  }

  public EgressPurpose purpose() {
    return purpose;
  }

  /** Why the policy refused it. */
  public String reason() {
    return reason;
  }
}
