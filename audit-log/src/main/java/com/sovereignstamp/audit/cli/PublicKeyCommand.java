package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;

/**
 * {@code audit public-key}: prints a signer's public key as PEM on standard output (its key id on
 * standard error), for auditors to keep as their trusted key.
 */
final class PublicKeyCommand {
  static final String USAGE = "audit public-key KEY";

  private PublicKeyCommand() {}

  static int run(List<String> args, Invocation io)
      throws UsageException, IOException, GeneralSecurityException {
    CommandLine line = CommandLine.parse("public-key", args, SignerOptions.OPTIONS, Set.of());
    CheckpointSigner signer = SignerOptions.open(line, io);
    io.out().print(PublicKeyPem.encode(signer.publicKey()));
    io.err().println("key id " + signer.keyId());
    return 0;
  }
}
