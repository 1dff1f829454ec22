package com.sovereignstamp.audit.cli;

/** The command line is wrong, or names an input that cannot be read: exit status 2. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
