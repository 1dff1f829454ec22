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

  static CheckpointSigner open(CommandLine line, Invocation io)
      throws UsageException, IOException, GeneralSecurityException {
    if (isPkcs11(line)) {
      char[] pin = Secret.read(line, "pin", io.environment());
      try {
        return Pkcs11CheckpointSigner.open(
            line.requiredPath("--pkcs11-config"), pin, line.required("--label"));
      } finally {
        Arrays.fill(pin, '\0');
      }
    }
    char[] password = Secret.read(line, "password", io.environment());
    try {
      return KeyStoreCheckpointSigner.open(
          line.requiredPath("--keystore"), password, line.required("--alias"));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  static PublicKey generate(CommandLine line, Invocation io, String subject)
      throws UsageException, IOException, GeneralSecurityException {
    if (isPkcs11(line)) {
      char[] pin = Secret.read(line, "pin", io.environment());
      try {
        return Pkcs11CheckpointSigner.generate(
            line.requiredPath("--pkcs11-config"), pin, line.required("--label"), subject);
      } finally {
        Arrays.fill(pin, '\0');
      }
    }
    char[] password = Secret.read(line, "password", io.environment());
    try {
      KeyStoreCheckpointSigner.generate(
          line.requiredPath("--keystore"), password, line.required("--alias"), subject);
      return KeyStoreCheckpointSigner.open(
              line.requiredPath("--keystore"), password, line.required("--alias"))
          .publicKey();
    } finally {
      Arrays.fill(password, '\0');
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
