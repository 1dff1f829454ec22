package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.export.ExportedLog;
import com.sovereignstamp.audit.verify.OfflineVerifier;
import com.sovereignstamp.audit.verify.VerificationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code audit verify}: checks an export against the auditor's trusted public key and, optionally,
 * a checkpoint the auditor holds. Exit 0 when the log is whole, 1 when it departs or is invalid.
 */
final class VerifyCommand {
  static final String USAGE =
      "audit verify --export DIR|ZIP --public-key PEM [--checkpoint FILE] [--json]";

  private VerifyCommand() {}

  static int run(List<String> args, Invocation io) throws UsageException {
    CommandLine line =
        CommandLine.parse(
            "verify", args, Set.of("--export", "--public-key", "--checkpoint"), Set.of("--json"));
    Path exportPath = line.requiredPath("--export");
    PublicKey trusted = trustedKey(line.requiredPath("--public-key"));
    Optional<byte[]> checkpoint = Optional.empty();
    if (line.has("--checkpoint")) {
      checkpoint = Optional.of(readInput(line.requiredPath("--checkpoint"), "checkpoint"));
    }
    if (!Files.exists(exportPath)) {
      throw new UsageException("no export at " + exportPath);
    }
    VerificationResult result;
    try {
      result = OfflineVerifier.verify(ExportedLog.read(exportPath), trusted, checkpoint);
    } catch (IOException e) {
      result =
          new VerificationResult(
              VerificationResult.Outcome.INVALID,
              "the export cannot be read: " + e.getMessage(),
              Optional.empty(),
              0,
              Optional.empty(),
              OptionalLong.empty(),
              List.of());
    }
    if (line.has("--json")) {
      io.out().println(new String(result.toJson(), StandardCharsets.UTF_8));
    } else {
      io.out().print(result.describe());
    }
    return result.exitStatus();
  }

  private static PublicKey trustedKey(Path pem) throws UsageException {
    try {
      return PublicKeyPem.decode(
          new String(readInput(pem, "public key"), StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new UsageException("the public key " + pem + " is unusable: " + e.getMessage());
    }
  }

  private static byte[] readInput(Path file, String what) throws UsageException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read the " + what + " file " + file);
    }
  }
}
