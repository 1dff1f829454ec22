package com.sovereignstamp.appliance.residency;

import java.util.List;

/** The residency policy file has mistakes: every one of them, each a message of its own. */
public final class InvalidResidencyPolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> mistakes;

  public InvalidResidencyPolicyException(List<String> mistakes) {
    super(String.join("; ", mistakes));
    this.mistakes = List.copyOf(mistakes);
  }

  /** One message per mistake, in the order of the file. */
  public List<String> mistakes() {
    return mistakes;
  }
}
