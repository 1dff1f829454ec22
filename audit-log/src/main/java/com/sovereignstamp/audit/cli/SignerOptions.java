package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.KeyStoreCheckpointSigner;
import com.sovereignstamp.audit.checkpoint.Pkcs11CheckpointSigner;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Set;

/**
 * A checkpoint key named on the command line: a BCFKS file ({@code --keystore --alias} and the
 * password) or a PKCS#11 token ({@code --pkcs11-config --label} and the PIN).
 */
final class SignerOptions {
  static final Set<String> OPTIONS =
      Set.of(
          "--keystore",
          "--alias",
          "--password-env",
          "--password-file",
          "--pkcs11-config",
          "--label",
          "--pin-env",
          "--pin-file");

  static final String USAGE =
      "KEY is  --keystore FILE --alias A (--password-env VAR | --password-file FILE)\n"
          + "    or  --pkcs11-config FILE --label L (--pin-env VAR | --pin-file FILE)";

  private SignerOptions() {}

  /** What to do with the key store or token once its password or PIN is read. */
  private interface WithSecret<T> {
    T apply(char[] secret) throws UsageException, IOException, GeneralSecurityException;
  }

  static CheckpointSigner open(CommandLine line, Invocation io)
      throws UsageException, IOException, GeneralSecurityException {
    boolean pkcs11 = isPkcs11(line);
    return withSecret(
        line,
        io,
        pkcs11,
        secret ->
            pkcs11
                ? Pkcs11CheckpointSigner.open(
                    line.requiredPath("--pkcs11-config"), secret, line.required("--label"))
                : KeyStoreCheckpointSigner.open(
                    line.requiredPath("--keystore"), secret, line.required("--alias")));
  }

  static PublicKey generate(CommandLine line, Invocation io, String subject)
      throws UsageException, IOException, GeneralSecurityException {
    boolean pkcs11 = isPkcs11(line);
    return withSecret(
        line,
        io,
        pkcs11,
        secret -> {
          if (pkcs11) {
            return Pkcs11CheckpointSigner.generate(
                line.requiredPath("--pkcs11-config"), secret, line.required("--label"), subject);
          }
          KeyStoreCheckpointSigner.generate(
              line.requiredPath("--keystore"), secret, line.required("--alias"), subject);
          return KeyStoreCheckpointSigner.open(
                  line.requiredPath("--keystore"), secret, line.required("--alias"))
              .publicKey();
        });
  }

  /** Reads the PIN or password, hands it over, and clears it whatever happens. */
  private static <T> T withSecret(
      CommandLine line, Invocation io, boolean pkcs11, WithSecret<T> action)
      throws UsageException, IOException, GeneralSecurityException {
    char[] secret = Secret.read(line, pkcs11 ? "pin" : "password", io.environment());
    try {
      return action.apply(secret);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private static boolean isPkcs11(CommandLine line) throws UsageException {
    boolean keyStore = line.has("--keystore");
    boolean pkcs11 = line.has("--pkcs11-config");
    if (keyStore == pkcs11) {
      throw new UsageException("name the key with either --keystore or --pkcs11-config");
    }
    return pkcs11;
  }
}
