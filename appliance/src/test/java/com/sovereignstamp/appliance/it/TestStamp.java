package com.sovereignstamp.appliance.it;

import com.sovereignstamp.bridge.it.BridgeInstance;
import com.sovereignstamp.bridge.it.HsmLinkShim;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What an appliance under test runs against: one real bridge (SoftHSM2 through a PKCS#11 shim whose
 * link to the HSM a test can cut, started with the bridge's own scripts) shared by the test classes
 * of this JVM, the stamp's identity provider (a real Keycloak, {@link TestSso}), and the stamp's
 * PostgreSQL schema. {@link #settings} is the appliance's configuration.
 *
 * <p><b>One stamp per JVM.</b> The bridge witnesses the stamp's audit log: the appliance is
 * registered as its witness client (by its TLS client certificate, with a checkpoint key made here)
 * before the bridge starts. A witness refuses a log that does not extend what it co-signed, so
 * every deployment of this JVM is the same stamp on the same schema — redeployed by each test class
 * as a restart would — and its audit log continues from one class to the next. Test classes must
 * not assume an empty database (use fresh names, as {@link ApiClient#newCollection} does), and must
 * not alter {@code audit_entry} or {@code audit_checkpoint}: every later deployment would then
 * refuse to sign checkpoints and raise the witness alarm.
 */
public final class TestStamp {
  static final Path MODULE =
      Path.of(System.getProperty("appliance.module.dir", ".")).toAbsolutePath();
  public static final String REGION = "eu-de";

  /** The stamp's audit log, as its checkpoints and the bridge's witness client entry name it. */
  public static final String AUDIT_ORIGIN = "sovereign-stamp/appliance/" + REGION;

  /** The appliance in the bridge's witness records and metrics. */
  public static final String WITNESS_CLIENT = "stamp-test";

  private static TestStamp shared;

  private final BridgeInstance bridge;
  private final HsmLinkShim hsmLink;
  private final TestSso sso;
  private final Path dir;
  private final String databaseUrl;

  private TestStamp(
      BridgeInstance bridge, HsmLinkShim hsmLink, TestSso sso, Path dir, String databaseUrl) {
    this.bridge = bridge;
    this.hsmLink = hsmLink;
    this.sso = sso;
    this.dir = dir;
    this.databaseUrl = databaseUrl;
  }

  public static synchronized TestStamp get() throws Exception {
    if (shared == null) {
      // Keycloak takes the longest to start: beside the bridge, not after it
      CompletableFuture<TestSso> starting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return TestSso.get();
                } catch (Exception e) {
                  throw new IllegalStateException("the identity provider did not start", e);
                }
              });
      Path dir = MODULE.resolve("target/it-stamp/" + UUID.randomUUID().toString().substring(0, 8));
      Files.createDirectories(dir);
      // Payara Micro's temporary directory (payara.cmdOptions names it; it must exist)
      Files.createDirectories(MODULE.resolve("target/it-tmp"));
      // Payara Micro's log file goes there (arquillian-logging.properties; it must exist)
      ItLogs.created();
      BridgeInstance bridge =
          BridgeInstance.create("appliance", Map.of("BRIDGE_BACKEND", "pkcs11"));
      HsmLinkShim hsmLink = HsmLinkShim.between(bridge); // transparent until a test cuts it
      registerWitnessClient(bridge, checkpointKeyPair(dir));
      bridge.start();
      ItLogs.processLog(bridge.dir().resolve("bridge.log"));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      bridge.stop();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      TestSso sso = starting.join();
      ownerOnly(dir.resolve("xks-secret"), bridge.env("XKS_SECRET_ACCESS_KEY"));
      String schema = "appliance_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      shared = new TestStamp(bridge, hsmLink, sso, dir, postgresSchema(schema));
    }
    return shared;
  }

  public BridgeInstance bridge() {
    return bridge;
  }

  /** The link between the bridge and its HSM (SoftHSM2 behind a PKCS#11 shim that can cut it). */
  public HsmLinkShim hsmLink() {
    return hsmLink;
  }

  /** The stamp's identity provider: tokens of users with given roles ({@link TestSso#token}). */
  public TestSso tokens() {
    return sso;
  }

  /** The stamp's database (a PostgreSQL URL with its schema), the same for every deployment. */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** The public half of the stamp's audit checkpoint key (PEM), as the bridge has it. */
  public Path checkpointPublicKey() {
    return dir.resolve("audit-checkpoint.pem");
  }

  /** The appliance's settings on the stamp's PostgreSQL schema (production profile). */
  public Map<String, String> settings() throws Exception {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("stamp.profile", "production");
    s.put("stamp.id", "stamp-test");
    s.put("stamp.residency.policy-file", residencyPolicy().toString());
    s.put("stamp.db.url", databaseUrl);
    s.put("stamp.db.user", System.getenv("STAMP_TEST_PG_USER"));
    s.put(
        "stamp.db.password-file",
        ownerOnly(dir.resolve("db-password"), System.getenv("STAMP_TEST_PG_PASSWORD")).toString());
    s.put("stamp.bridge.url", bridge.env("XKS_URL"));
    s.put("stamp.bridge.uri-prefix", bridge.env("XKS_URI_PREFIX"));
    s.put("stamp.bridge.sigv4-region", bridge.env("XKS_REGION"));
    s.put("stamp.bridge.access-key-id", bridge.env("XKS_ACCESS_KEY_ID"));
    s.put("stamp.bridge.secret-file", dir.resolve("xks-secret").toString());
    s.put("stamp.bridge.ca-file", bridge.env("XKS_CA_CERT"));
    s.put(
        "stamp.bridge.pinned-certificate-files", bridge.dir().resolve("tls/server.pem").toString());
    s.put("stamp.bridge.client-cert-file", bridge.env("XKS_CLIENT_CERT"));
    s.put("stamp.bridge.client-key-file", bridge.env("XKS_CLIENT_KEY"));
    s.put("stamp.bridge.timeout", "PT2S");
    s.put("stamp.cmk.key-id", bridge.env("XKS_KEY_ID"));
    s.putAll(sso.applianceSettings(dir.resolve("sso-jwks.json")));
    s.put("stamp.audit.checkpoint-key-file", dir.resolve("audit-checkpoint.key").toString());
    s.put("stamp.audit.witness-public-key-file", bridge.env("AUDIT_PUBLIC_KEY"));
    // short, so that a test sees its operations witnessed within seconds (default PT60S)
    s.put("stamp.audit.witness-interval", "PT2S");
    return s;
  }

  /**
   * The stamp's residency policy: region {@link #REGION}, and loopback allowed, where the bridge,
   * the tests' fault proxy and PostgreSQL listen.
   */
  private Path residencyPolicy() throws IOException {
    return ownerOnly(
        dir.resolve("residency-policy.json"),
        """
        {"region": "%1$s",
         "degradedModeServes": ["standard"],
         "crossRegionDisasterRecovery": false,
         "egressAllowlist": [
           {"host": "127.0.0.1/32", "region": "%1$s", "description": "loopback"},
           {"host": "::1/128", "region": "%1$s", "description": "loopback"},
           {"host": "localhost", "region": "%1$s", "description": "loopback"}]}
        """
            .formatted(REGION));
  }

  /**
   * The stamp's audit checkpoint key, made as an operator would: EC P-256 with openssl, PKCS#8 PEM
   * readable by its owner only, and its public half.
   *
   * @return the public key file
   */
  private static Path checkpointKeyPair(Path dir) throws Exception {
    Path key = dir.resolve("audit-checkpoint.key");
    Path pub = dir.resolve("audit-checkpoint.pem");
    Files.createFile(
        key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
    openssl("pkey", "-in", key, "-pubout", "-out", pub);
    return pub;
  }

  /**
   * Registers the appliance as a witness client of the bridge (docs/hsm-bridge.md "Witness"): its
   * TLS client certificate's subject, its log's origin and its checkpoint public key. The bridge
   * reads the file at start.
   */
  private static void registerWitnessClient(BridgeInstance bridge, Path checkpointPublicKey)
      throws Exception {
    Path witness = Files.createDirectories(bridge.dir().resolve("witness"));
    Path clients = witness.resolve("clients.json");
    Files.writeString(
        clients,
        "{\"clients\": [{\"name\": \""
            + WITNESS_CLIENT
            + "\", \"subject\": \""
            + subjectOf(Path.of(bridge.env("XKS_CLIENT_CERT")))
            + "\", \"origin\": \""
            + AUDIT_ORIGIN
            + "\", \"publicKeyFile\": \""
            + checkpointPublicKey
            + "\"}]}");
    bridge.property("bridge.witness.clients-file", clients.toString());
  }

  /** The subject of a PEM certificate, as the bridge names client certificates. */
  static String subjectOf(Path certificatePem) throws Exception {
    try (InputStream in = Files.newInputStream(certificatePem)) {
      X509Certificate cert =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return cert.getSubjectX500Principal().getName();
    }
  }

  private static void openssl(Object... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    for (Object a : args) {
      command.add(a.toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
  }

  /** A new schema in the test PostgreSQL ({@code ./stamp test} starts it). */
  static String postgresSchema(String schema) throws Exception {
    String url = System.getenv("STAMP_TEST_PG_URL");
    if (url == null) {
      throw new IllegalStateException(
          "STAMP_TEST_PG_URL is not set: run the tests with ./stamp test, which starts PostgreSQL");
    }
    try (Connection c =
            DriverManager.getConnection(
                url, System.getenv("STAMP_TEST_PG_USER"), System.getenv("STAMP_TEST_PG_PASSWORD"));
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return url + "?currentSchema=" + schema;
  }

  static Path ownerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return file;
  }
}
