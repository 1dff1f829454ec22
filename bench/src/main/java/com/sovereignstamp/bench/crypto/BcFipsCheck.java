package com.sovereignstamp.bench.crypto;

import com.sovereignstamp.fips.BcFips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Provider;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.NativeServices;

/**
 * Makes sure a benchmark JVM runs Bouncy Castle FIPS as the stamp does — approved-only mode for
 * every thread, set when the JVM started — and tells the host JVM whether the provider's native
 * AES-GCM loaded: without it the provider silently falls back to pure Java at a fraction of the
 * speed (STACK-NOTES), and the figures would say nothing about production.
 */
final class BcFipsCheck {
  static final String APPROVED_ONLY_PROPERTY = "org.bouncycastle.fips.approved_only";

  /** A file the forks append their provider status to, one line each; read by the host JVM. */
  static final String STATUS_FILE_PROPERTY = "sovereignstamp.bench.fips-status";

  private BcFipsCheck() {}

  static Provider approvedOnlyProvider() {
    if (!Boolean.getBoolean(APPROVED_ONLY_PROPERTY)) {
      throw new IllegalStateException(
          "start the benchmark JVM with -D" + APPROVED_ONLY_PROPERTY + "=true");
    }
    Provider provider = BcFips.provider();
    if (!CryptoServicesRegistrar.isInApprovedOnlyMode()) {
      throw new IllegalStateException("Bouncy Castle FIPS is not in approved-only mode");
    }
    return provider;
  }

  /** Appends this JVM's provider status to the status file, if the host asked for one. */
  static void reportStatus(Provider provider) {
    String file = System.getProperty(STATUS_FILE_PROPERTY);
    if (file == null) {
      return;
    }
    try {
      Files.writeString(
          Path.of(file),
          status(provider) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String status(Provider provider) {
    NativeServices n = CryptoServicesRegistrar.getNativeServices();
    String nativeLibrary =
        n.isInstalled()
            ? "loaded (variant " + n.getVariant() + ")"
            : "NOT loaded (" + n.getStatusMessage() + ")";
    return provider.getInfo()
        + "; approved-only mode: "
        + (CryptoServicesRegistrar.isInApprovedOnlyMode() ? "yes" : "NO")
        + "; native library: "
        + nativeLibrary
        + "; native AES-GCM: "
        + (n.hasService(NativeServices.AES_GCM) ? "yes" : "NO");
  }

  static boolean isNativeGcm(String status) {
    return status.contains("native AES-GCM: yes");
  }
}
