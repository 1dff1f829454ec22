package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.checkpoint.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A password or PIN named on the command line by where it is: {@code --X-env} or {@code --X-file}.
 */
final class Secret {
  private Secret() {}

  /**
   * Reads the secret {@code kind} ({@code password} or {@code pin}) from the variable named by
   * {@code --kind-env} or the file named by {@code --kind-file}; exactly one must be given.
   */
  static char[] read(CommandLine line, String kind, Map<String, String> environment)
      throws UsageException, IOException {
    String env = "--" + kind + "-env";
    String file = "--" + kind + "-file";
    if (line.has(env) == line.has(file)) {
      throw new UsageException(
          "give the " + kind + " with either " + env + " VAR or " + file + " FILE");
    }
    return line.has(env)
        ? Secrets.fromEnvironment(environment, line.required(env))
        : Secrets.fromFile(Path.of(line.required(file)));
  }
}
