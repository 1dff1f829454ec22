package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.checkpoint.KeyIds;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code audit keygen}: makes a checkpoint key, in a new BCFKS file or inside a PKCS#11 token, and
 * prints its public key as PEM.
 */
final class KeygenCommand {
  static final String USAGE = "audit keygen KEY [--subject DN]";
  static final String DEFAULT_SUBJECT = "CN=sovereign-stamp audit log checkpoints";

  private KeygenCommand() {}

  static int run(List<String> args, Invocation io)
      throws UsageException, IOException, GeneralSecurityException {
    Set<String> options = new HashSet<>(SignerOptions.OPTIONS);
    options.add("--subject");
    CommandLine line = CommandLine.parse("keygen", args, options, Set.of());
    PublicKey key =
        SignerOptions.generate(line, io, line.optional("--subject").orElse(DEFAULT_SUBJECT));
    io.out().print(PublicKeyPem.encode(key));
    io.err().println("key id " + KeyIds.of(key));
    return 0;
  }
}
