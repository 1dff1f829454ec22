package com.sovereignstamp.xks.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made once per test run with {@code openssl} under {@code target/test-pki}: an EC
 * CA, an EC server certificate for 127.0.0.1 and localhost, an RSA client certificate, an EC server
 * certificate for another host name, a second server certificate for 127.0.0.1 on another key
 * ("server-next", for pin rotation), and a server certificate for 127.0.0.1 from another CA
 * ("rogue").
 */
final class TestPki {
  private static final String CA_CONFIG =
      "[req]\ndistinguished_name=dn\nx509_extensions=v3_ca\nprompt=no\n"
          + "[dn]\nCN=Sovereign Stamp test CA\n"
          + "[v3_ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
          + "subjectKeyIdentifier=hash\n";
  private static TestPki instance;

  final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
  }

  static synchronized TestPki get() {
    if (instance == null) {
      try {
        Path base = Files.createDirectories(Paths.get("target", "test-pki"));
        TestPki pki = new TestPki(Files.createTempDirectory(base, "pki-").toAbsolutePath());
        pki.create();
        instance = pki;
      } catch (IOException e) {
        throw new IllegalStateException("cannot create the test PKI", e);
      }
    }
    return instance;
  }

  Path ca() {
    return dir.resolve("ca.pem");
  }

  /** The certificate of a leaf followed by the CA's. */
  Path chain(String name) {
    return dir.resolve(name + "-chain.pem");
  }

  Path key(String name) {
    return dir.resolve(name + ".key");
  }

  /** The leaf certificate alone. */
  Path certificate(String name) {
    return dir.resolve(name + ".pem");
  }

  private void create() throws IOException {
    Files.writeString(dir.resolve("ca.cnf"), CA_CONFIG);
    keyPair("ca", "EC");
    openssl(
        "req", "-x509", "-new", "-config", "ca.cnf", "-key", "ca.key", "-days", "2", "-sha256",
        "-out", "ca.pem");
    leaf(
        "server", "EC", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    leaf("client", "RSA", "extendedKeyUsage=clientAuth\n");
    leaf("elsewhere", "EC", "subjectAltName=DNS:elsewhere.invalid\nextendedKeyUsage=serverAuth\n");
    String localServer = "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n";
    leaf("server-next", "EC", localServer);
    keyPair("rogue-ca", "EC");
    openssl(
        "req",
        "-x509",
        "-new",
        "-config",
        "ca.cnf",
        "-key",
        "rogue-ca.key",
        "-subj",
        "/CN=Rogue CA",
        "-days",
        "2",
        "-sha256",
        "-out",
        "rogue-ca.pem");
    leaf("rogue", "EC", localServer, "rogue-ca");
  }

  private void leaf(String name, String algorithm, String extensions) throws IOException {
    leaf(name, algorithm, extensions, "ca");
  }

  private void leaf(String name, String algorithm, String extensions, String ca)
      throws IOException {
    keyPair(name, algorithm);
    Files.writeString(dir.resolve(name + ".ext"), "basicConstraints=CA:FALSE\n" + extensions);
    openssl(
        "req",
        "-new",
        "-config",
        "ca.cnf",
        "-key",
        name + ".key",
        "-subj",
        "/CN=" + name,
        "-out",
        name + ".csr");
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        ca + ".pem",
        "-CAkey",
        ca + ".key",
        "-CAcreateserial",
        "-days",
        "2",
        "-sha256",
        "-extfile",
        name + ".ext",
        "-out",
        name + ".pem");
    Files.write(chain(name), Files.readAllBytes(dir.resolve(name + ".pem")));
    Files.write(
        chain(name), Files.readAllBytes(dir.resolve(ca + ".pem")), StandardOpenOption.APPEND);
  }

  private void keyPair(String name, String algorithm) throws IOException {
    String option = "EC".equals(algorithm) ? "ec_paramgen_curve:P-256" : "rsa_keygen_bits:2048";
    openssl("genpkey", "-algorithm", algorithm, "-pkeyopt", option, "-out", name + ".key");
  }

  private void openssl(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("openssl " + args[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
