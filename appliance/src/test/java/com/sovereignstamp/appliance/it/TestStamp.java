package com.sovereignstamp.appliance.it;

import com.sovereignstamp.bridge.it.BridgeInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an appliance under test runs against: one real bridge (SoftHSM2, started with the bridge's
 * own scripts) shared by the test classes of this JVM, the tests' token issuer, and a fresh
 * PostgreSQL schema per deployment. {@link #settings} is the appliance's configuration.
 */
public final class TestStamp {
  static final Path MODULE =
      Path.of(System.getProperty("appliance.module.dir", ".")).toAbsolutePath();
  public static final String REGION = "eu-de";

  private static TestStamp shared;

  private final BridgeInstance bridge;
  private final TestTokens tokens;
  private final Path dir;

  private TestStamp(BridgeInstance bridge, TestTokens tokens, Path dir) {
    this.bridge = bridge;
    this.tokens = tokens;
    this.dir = dir;
  }

  public static synchronized TestStamp get() throws Exception {
    if (shared == null) {
      Path dir = MODULE.resolve("target/it-stamp/" + UUID.randomUUID().toString().substring(0, 8));
      Files.createDirectories(dir);
      // Payara Micro's temporary directory (payara.cmdOptions names it; it must exist)
      Files.createDirectories(MODULE.resolve("target/it-tmp"));
      BridgeInstance bridge =
          BridgeInstance.create("appliance", Map.of("BRIDGE_BACKEND", "pkcs11"));
      bridge.start();
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
      TestTokens tokens = TestTokens.create(TestTokens.ISSUER);
      tokens.writePublicKey(dir.resolve("issuer-public.pem"));
      ownerOnly(dir.resolve("xks-secret"), bridge.env("XKS_SECRET_ACCESS_KEY"));
      shared = new TestStamp(bridge, tokens, dir);
    }
    return shared;
  }

  public BridgeInstance bridge() {
    return bridge;
  }

  public TestTokens tokens() {
    return tokens;
  }

  /** The appliance's settings on a fresh PostgreSQL schema (production profile). */
  public Map<String, String> settings() throws Exception {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("stamp.profile", "production");
    s.put("stamp.id", "stamp-test");
    s.put("stamp.region", REGION);
    String schema = "appliance_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    s.put("stamp.db.url", postgresSchema(schema));
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
    s.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
    s.put("mp.jwt.verify.publickey.location", dir.resolve("issuer-public.pem").toUri().toString());
    s.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
    return s;
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
