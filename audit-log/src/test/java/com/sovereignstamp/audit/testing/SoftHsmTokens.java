package com.sovereignstamp.audit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SoftHSM2 token directory of this test JVM. Surefire points {@code SOFTHSM2_CONF} at a file
 * under {@code target/} (the library reads it at {@code C_Initialize}); the first use in the JVM
 * empties that directory and makes every token the tests use with {@code softhsm2-util}, each with
 * a SunPKCS11 configuration naming its slot. All at once, because SoftHSM2 sees only the tokens
 * that existed when the process called {@code C_Initialize}: a token made later gets {@code
 * CKR_SLOT_ID_INVALID} until the process restarts.
 */
public final class SoftHsmTokens {
  public static final String USER_PIN = "audit-test-user-pin";
  private static final String SO_PIN = "audit-test-so-pin";
  private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

  /** Every token label a test may ask for; a test that logs in with a wrong PIN needs its own. */
  private static final List<String> LABELS =
      List.of("signer-test", "wrong-pin-test", "cli-test", "cli-test-untouched");

  private final Map<String, Token> tokens = new HashMap<>();
  private static SoftHsmTokens instance;

  private final Path conf;
  private final Path dir;

  private SoftHsmTokens(Path conf) {
    this.conf = conf;
    this.dir = conf.getParent();
  }

  /** The token directory named by {@code SOFTHSM2_CONF}, emptied on first use in this JVM. */
  public static synchronized SoftHsmTokens fromEnvironment() throws IOException {
    try {
      return fromEnvironmentOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making test tokens", e);
    }
  }

  private static SoftHsmTokens fromEnvironmentOnce() throws IOException, InterruptedException {
    if (instance == null) {
      String confVar = System.getenv("SOFTHSM2_CONF");
      if (confVar == null) {
        throw new IllegalStateException("SOFTHSM2_CONF is not set for this test JVM (see pom.xml)");
      }
      Path conf = Path.of(confVar);
      Path tokens = conf.getParent().resolve("tokens");
      if (Files.exists(tokens)) {
        try (Stream<Path> old = Files.walk(tokens)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(tokens);
      Files.writeString(
          conf,
          "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
      Path pin = conf.getParent().resolve("user.pin");
      Files.writeString(pin, USER_PIN + "\n");
      Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-------"));
      instance = new SoftHsmTokens(conf);
      for (String label : LABELS) {
        instance.tokens.put(label, instance.initToken(label));
      }
    }
    return instance;
  }

  /** The PKCS#11 module; {@code -Dsofthsm.library=…} where it is not Debian's path. */
  public static Path library() {
    return Path.of(System.getProperty("softhsm.library", "/usr/lib/softhsm/libsofthsm2.so"));
  }

  /** A file holding the user PIN of every token made here, owner-readable only. */
  public Path pinFile() {
    return dir.resolve("user.pin");
  }

  /** A token of this directory: its label, its slot id and a SunPKCS11 configuration for it. */
  public record Token(String label, long slot, Path config) {}

  /** The token labelled {@code label}, one of those made at first use. */
  public Token token(String label) {
    Token token = tokens.get(label);
    if (token == null) {
      throw new IllegalArgumentException("no test token '" + label + "'; add it to LABELS");
    }
    return token;
  }

  private Token initToken(String label) throws IOException, InterruptedException {
    String out =
        run(
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            label,
            "--so-pin",
            SO_PIN,
            "--pin",
            USER_PIN);
    Matcher slot = SLOT.matcher(out);
    if (!slot.find()) {
      throw new IOException("softhsm2-util did not say which slot it used: " + out);
    }
    Path config = dir.resolve(label + ".pkcs11.cfg");
    Files.writeString(
        config,
        "name = audit-" + label + "\nlibrary = " + library() + "\nslot = " + slot.group(1) + "\n");
    return new Token(label, Long.parseLong(slot.group(1)), config);
  }

  /** Runs {@code pkcs11-tool} on one token of this directory, logged in with the user PIN. */
  public String pkcs11Tool(Token token, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("pkcs11-tool", "--module", library().toString()));
    command.addAll(List.of("--slot", Long.toString(token.slot()), "--login", "--pin", USER_PIN));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  private String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SOFTHSM2_CONF", conf.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command[0] + " " + command[1] + " failed: " + out);
    }
    return out;
  }
}
