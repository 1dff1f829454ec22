package com.sovereignstamp.bridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A SoftHSM2 token directory of a test run: {@code softhsm2.conf} where {@code SOFTHSM2_CONF}
 * points, tokens initialised with {@code softhsm2-util}, the user PIN in a 0600 file.
 */
public final class SoftHsm {
  public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  public static final String USER_PIN = "test-user-pin-4711";
  private static final String SO_PIN = "test-so-pin-0815";

  private final Path conf;
  private final Path pinFile;

  private SoftHsm(Path conf, Path pinFile) {
    this.conf = conf;
    this.pinFile = pinFile;
  }

  /** The token directory named by this JVM's {@code SOFTHSM2_CONF}, created on first use. */
  public static synchronized SoftHsm fromEnvironment() throws IOException {
    String confVar = System.getenv("SOFTHSM2_CONF");
    if (confVar == null) {
      throw new IllegalStateException("SOFTHSM2_CONF is not set for this test JVM");
    }
    return at(Path.of(confVar));
  }

  public static synchronized SoftHsm at(Path conf) throws IOException {
    Path dir = conf.getParent();
    Path tokens = dir.resolve("tokens");
    Files.createDirectories(tokens);
    if (!Files.exists(conf)) {
      Files.writeString(
          conf,
          "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    }
    Path pin = dir.resolve("user.pin");
    if (!Files.exists(pin)) {
      Files.writeString(pin, USER_PIN + "\n");
      Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-------"));
    }
    return new SoftHsm(conf, pin);
  }

  public Path conf() {
    return conf;
  }

  /** Settings for a backend on one of this SoftHSM2's tokens (reconnect every 200 ms). */
  public com.sovereignstamp.bridge.pkcs11.Pkcs11Settings settings(
      String token, int sessions, java.time.Duration callTimeout) {
    return new com.sovereignstamp.bridge.pkcs11.Pkcs11Settings(
        LIBRARY,
        java.util.Optional.of(token),
        java.util.Optional.empty(),
        new com.sovereignstamp.bridge.pkcs11.PinSource.FromFile(pinFile()),
        sessions,
        callTimeout,
        java.time.Duration.ofMillis(200));
  }

  public Path pinFile() {
    return pinFile;
  }

  /** Initialises a token with this label unless one exists. */
  public void ensureToken(String label) throws IOException, InterruptedException {
    String show = run(List.of("softhsm2-util", "--show-slots"));
    if (show.contains("Label:            " + label)) {
      return;
    }
    run(
        List.of(
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            label,
            "--so-pin",
            SO_PIN,
            "--pin",
            USER_PIN));
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SOFTHSM2_CONF", conf.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command.get(0) + " failed: " + out);
    }
    return out;
  }
}
