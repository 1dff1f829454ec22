package com.sovereignstamp.bridge.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The link between a test bridge and its HSM as something that can be cut while AES-GCM keeps
 * working when it is up: the bridge loads {@code src/test/c/hsm-link-shim.c} (built here with the
 * system's C compiler), a PKCS#11 module that forwards every call to SoftHSM2 and, while a marker
 * file exists, answers as a network HSM's client does when its connection is gone ({@code
 * CKR_DEVICE_REMOVED}). {@link P11KitLink} is the closer model of a network HSM but cannot carry
 * AES-GCM on Debian 12.
 */
public final class HsmLinkShim {
  static final Path SOURCE = BridgeInstance.MODULE.resolve("src/test/c/hsm-link-shim.c");
  static final String TARGET = "/usr/lib/softhsm/libsofthsm2.so";

  private final Path cutFile;

  private HsmLinkShim(Path cutFile) {
    this.cutFile = cutFile;
  }

  /** Builds the shim into the bridge's directory and points the bridge at it (before its start). */
  public static HsmLinkShim between(BridgeInstance bridge) throws Exception {
    Path library = bridge.dir().resolve("libhsmlink.so");
    Process gcc =
        new ProcessBuilder(
                List.of(
                    "gcc",
                    "-shared",
                    "-fPIC",
                    "-O2",
                    "-Wall",
                    "-Werror",
                    "-I/usr/include/p11-kit-1",
                    "-o",
                    library.toString(),
                    SOURCE.toString(),
                    "-ldl"))
            .redirectErrorStream(true)
            .start();
    String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
      throw new IllegalStateException(
          "building the HSM link shim failed (gcc and libp11-kit-dev are needed):\n" + out);
    }
    HsmLinkShim shim = new HsmLinkShim(bridge.dir().resolve("hsm-link-cut"));
    shim.restore();
    bridge.property("bridge.pkcs11.library", library.toString());
    bridge.bridgeEnv("HSM_LINK_TARGET", TARGET);
    bridge.bridgeEnv("HSM_LINK_CUT_FILE", shim.cutFile.toString());
    return shim;
  }

  /** From now on every HSM call fails as on a lost link. */
  public void cut() throws IOException {
    if (!Files.exists(cutFile)) {
      Files.createFile(cutFile);
    }
  }

  /** The HSM answers again (the bridge reconnects on its own). */
  public void restore() throws IOException {
    Files.deleteIfExists(cutFile);
  }
}
