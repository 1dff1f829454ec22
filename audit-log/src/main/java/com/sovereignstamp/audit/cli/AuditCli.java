package com.sovereignstamp.audit.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The audit log's command line ({@code audit-log/bin/audit}): verify an export offline, export a
 * log from its database, print or make a checkpoint key.
 *
 * <p>Exit status: 0 done (for {@code verify}: the log is whole), 1 the log departs or is invalid,
 * or the command failed, 2 usage error (wrong options, unreadable input files). Errors are one line
 * on standard error, never a stack trace.
 */
public final class AuditCli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE_ERROR = 2;

  static final String USAGE =
      String.join(
          "\n",
          "usage:",
          VerifyCommand.USAGE,
          ExportCommand.USAGE,
          PublicKeyCommand.USAGE,
          KeygenCommand.USAGE,
          SignerOptions.USAGE,
          "Passwords and PINs come from an environment variable or a file, never from the command",
          "line. Exit status: 0 whole (verify) or done, 1 departs, invalid or failed, 2 usage error.");

  private AuditCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command; returns its exit status. */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    Invocation io = new Invocation(out, err, environment);
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? USAGE_ERROR : OK;
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (command) {
        case "verify" -> VerifyCommand.run(rest, io);
        case "export" -> ExportCommand.run(rest, io);
        case "public-key" -> PublicKeyCommand.run(rest, io);
        case "keygen" -> KeygenCommand.run(rest, io);
        default -> throw new UsageException("unknown command '" + command + "'");
      };
    } catch (UsageException e) {
      err.println("audit: " + e.getMessage() + " (audit --help shows the usage)");
      return USAGE_ERROR;
    } catch (Exception e) {
      err.println("audit " + command + ": " + message(e));
      return FAILED;
    }
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " exists already: not overwriting it";
    }
    if (e instanceof java.nio.file.NoSuchFileException f) {
      return "no such file: " + f.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
