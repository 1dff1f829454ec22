package com.sovereignstamp.audit.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options after a subcommand: {@code --name value} pairs and bare flags, each at most once.
 * Secrets are never taken here: {@code --password} and {@code --pin} are refused.
 */
final class CommandLine {
  private final String command;
  private final Map<String, String> values = new HashMap<>();

  private CommandLine(String command) {
    this.command = command;
  }

  /**
   * @param options the options this command takes with a value
   * @param flags the options it takes without one
   */
  static CommandLine parse(
      String command, List<String> args, Set<String> options, Set<String> flags)
      throws UsageException {
    CommandLine line = new CommandLine(command);
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (name.equals("--password") || name.equals("--pin")) {
        throw new UsageException(
            "a password or PIN is never taken from the command line (other users can read it):"
                + " use "
                + name
                + "-env VAR or "
                + name
                + "-file FILE");
      }
      String value;
      if (flags.contains(name)) {
        value = "";
      } else if (options.contains(name)) {
        if (i + 1 >= args.size()) {
          throw new UsageException(name + " needs a value");
        }
        value = args.get(++i);
      } else {
        throw new UsageException("'" + command + "' does not take " + name);
      }
      if (line.values.put(name, value) != null) {
        throw new UsageException(name + " is given twice");
      }
    }
    return line;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String required(String name) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      throw new UsageException("'" + command + "' needs " + name);
    }
    return value;
  }

  Path requiredPath(String name) throws UsageException {
    return Path.of(required(name));
  }
}
