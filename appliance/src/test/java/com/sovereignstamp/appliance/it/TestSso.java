package com.sovereignstamp.appliance.it;

import com.sovereignstamp.bridge.it.BridgeInstance;
import com.sovereignstamp.xks.client.PemTls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The stamp's identity provider under test: one real Keycloak on loopback per JVM, made and started
 * with the stamp's own scripts (sso/bin/init-instance, sso/bin/run-keycloak; the realm "stamp" from
 * sso/realm with the demo profile, so the command-line client has its password grant). Tests get
 * tokens from it the way clients do — password grant, client-credentials grant — and change it
 * through its admin API with the bootstrap admin client (users with given roles and residency,
 * another realm, key rotation).
 */
public final class TestSso {
  static final Path SSO_MODULE = TestStamp.MODULE.resolve("../sso").normalize();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
  private static TestSso shared;

  private final Path dir;
  private final Process process;
  private final Properties env;
  private final HttpClient http;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Duration coldStart;

  private TestSso(Path dir, Process process, Properties env, HttpClient http, Duration coldStart) {
    this.dir = dir;
    this.process = process;
    this.env = env;
    this.http = http;
    this.coldStart = coldStart;
  }

  /** The shared identity provider, started on first use; stopped when the JVM exits. */
  public static synchronized TestSso get() throws Exception {
    if (shared == null) {
      Path dir =
          TestStamp.MODULE.resolve("target/it-sso/" + UUID.randomUUID().toString().substring(0, 8));
      Files.createDirectories(dir.getParent());
      int port = BridgeInstance.freePort();
      int management = BridgeInstance.freePort();
      Path initLog = dir.getParent().resolve(dir.getFileName() + "-init.log");
      ProcessBuilder init =
          new ProcessBuilder(SSO_MODULE.resolve("bin/init-instance").toString(), dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(initLog.toFile());
      init.environment().put("SSO_PORT", Integer.toString(port));
      init.environment().put("SSO_MANAGEMENT_PORT", Integer.toString(management));
      init.environment().put("STAMP_REGION", TestStamp.REGION);
      init.environment().put("SSO_PROFILE", "demo");
      ItLogs.processLog(initLog);
      int rc = init.start().waitFor();
      if (rc != 0) {
        throw new IllegalStateException("sso/bin/init-instance failed (" + rc + ")");
      }
      Properties env = new Properties();
      env.putAll(BridgeInstance.readEnv(dir.resolve("instance.env")));
      HttpClient http =
          HttpClient.newBuilder()
              .sslContext(PemTls.trustOnly(Path.of(env.getProperty("KEYCLOAK_CA_CERT"))))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      long started = System.nanoTime();
      Process process =
          new ProcessBuilder(SSO_MODULE.resolve("bin/run-keycloak").toString(), dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("keycloak.log").toFile())
              .start();
      ItLogs.processLog(dir.resolve("keycloak.log"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
      awaitReady(dir, process, env, http);
      Duration coldStart = Duration.ofNanos(System.nanoTime() - started);
      shared = new TestSso(dir, process, env, http, coldStart);
      System.out.println("Keycloak ready after " + coldStart.toMillis() + " ms (cold start)");
      // tests hold a token for minutes (the operating-modes tests): a longer access token life
      shared.admin("PUT", "/admin/realms/stamp", "{\"accessTokenLifespan\": 3600}");
    }
    return shared;
  }

  private static void awaitReady(Path dir, Process process, Properties env, HttpClient http)
      throws Exception {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    URI ready = URI.create(env.getProperty("KEYCLOAK_MANAGEMENT_URL") + "/health/ready");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak stopped during start; see " + dir.resolve("keycloak.log"));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Keycloak was not ready within " + START_TIMEOUT + "; see " + dir.resolve("keycloak.log"));
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** From start to ready, including the first start's build step and the realm's import. */
  public Duration coldStart() {
    return coldStart;
  }

  /** The issuer of the stamp realm's tokens. */
  public String issuer() {
    return env.getProperty("KEYCLOAK_ISSUER");
  }

  /** The CA of the identity provider's TLS certificate (PEM). */
  public Path caFile() {
    return Path.of(env.getProperty("KEYCLOAK_CA_CERT"));
  }

  public String url() {
    return env.getProperty("KEYCLOAK_URL");
  }

  /** The API's settings for this identity provider; the keys are mirrored into {@code jwksFile}. */
  public Map<String, String> applianceSettings(Path jwksFile) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("mp.jwt.verify.issuer", issuer());
    s.put("mp.jwt.verify.audiences", env.getProperty("STAMP_API_AUDIENCE"));
    s.put("mp.jwt.verify.publickey.location", jwksFile.toUri().toString());
    s.put("stamp.sso.ca-file", caFile().toString());
    return s;
  }

  // --- tokens ---------------------------------------------------------------------------------

  /**
   * An access token (password grant on the command-line client) of a user of the stamp realm who
   * has exactly these realm roles and the stamp's residency; the user is made on first use.
   */
  public String token(String username, String... roles) throws Exception {
    String key = username + ":" + String.join(",", roles);
    String cached = tokens.get(key);
    if (cached != null) {
      return cached;
    }
    ensureUser(username, TestStamp.REGION, roles);
    String token = passwordGrant("stamp", "stamp-cli", username, passwords.get(username));
    tokens.put(key, token);
    return token;
  }

  /** A user of the stamp realm with these roles and this residency (null: none); made once. */
  public void ensureUser(String username, String residency, String... roles) throws Exception {
    if (passwords.containsKey(username)) {
      return;
    }
    String password = "It-" + UUID.randomUUID().toString().replace("-", "") + "-9aZ";
    JsonObject attributes =
        residency == null
            ? Json.createObjectBuilder().build()
            : Json.createObjectBuilder()
                .add("residency", Json.createArrayBuilder().add(residency))
                .build();
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("emailVerified", true)
            .add("email", username + "@stamp.invalid")
            .add("firstName", "Test")
            .add("lastName", username)
            .add("attributes", attributes)
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build();
    HttpResponse<String> created = admin("POST", "/admin/realms/stamp/users", user.toString());
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    if (roles.length > 0) {
      var reps = Json.createArrayBuilder();
      for (String role : roles) {
        reps.add(json(admin("GET", "/admin/realms/stamp/roles/" + role, null).body()));
      }
      admin(
          "POST",
          "/admin/realms/stamp/users/" + id + "/role-mappings/realm",
          reps.build().toString());
    }
    passwords.put(username, password);
  }

  /** The password of a user made by {@link #ensureUser}. */
  public String password(String username) {
    return passwords.get(username);
  }

  /** A fresh token of a user made by {@link #ensureUser}. */
  public String freshToken(String username) throws Exception {
    return passwordGrant("stamp", "stamp-cli", username, passwords.get(username));
  }

  /** The backup agent's token (client-credentials grant with its client secret). */
  public String backupAgentToken() throws Exception {
    String secret =
        Files.readString(Path.of(env.getProperty("STAMP_BACKUP_AGENT_SECRET_FILE"))).trim();
    return grant(
        "stamp",
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            env.getProperty("STAMP_BACKUP_AGENT_CLIENT_ID"),
            "client_secret",
            secret));
  }

  public String passwordGrant(String realm, String client, String username, String password)
      throws Exception {
    return grant(
        realm,
        Map.of(
            "grant_type", "password",
            "client_id", client,
            "username", username,
            "password", password));
  }

  private String grant(String realm, Map<String, String> form) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "token request refused: HTTP " + r.statusCode() + " " + r.body());
    }
    return json(r.body()).getString("access_token");
  }

  // --- the admin API ----------------------------------------------------------------------------

  /** A public client of the stamp realm with the password grant and these client scopes. */
  public void ensureClient(String clientId, Map<String, String> attributes, String... scopes)
      throws Exception {
    ensureClient(clientId, attributes, List.of(scopes), "[]");
  }

  /**
   * A public client of the stamp realm with the password grant, these client scopes and these
   * protocol mappers (a JSON array of mapper representations).
   */
  public void ensureClient(
      String clientId, Map<String, String> attributes, List<String> scopes, String mappers)
      throws Exception {
    HttpResponse<String> existing =
        admin("GET", "/admin/realms/stamp/clients?clientId=" + clientId, null);
    if (!json("{\"a\":" + existing.body() + "}").getJsonArray("a").isEmpty()) {
      return;
    }
    var attrs = Json.createObjectBuilder();
    attributes.forEach(attrs::add);
    var scopeList = Json.createArrayBuilder();
    for (String s : scopes) {
      scopeList.add(s);
    }
    admin(
        "POST",
        "/admin/realms/stamp/clients",
        Json.createObjectBuilder()
            .add("clientId", clientId)
            .add("enabled", true)
            .add("publicClient", true)
            .add("standardFlowEnabled", false)
            .add("directAccessGrantsEnabled", true)
            .add("attributes", attrs)
            .add("defaultClientScopes", scopeList)
            .add("protocolMappers", Json.createReader(new StringReader(mappers)).readArray())
            .build()
            .toString());
  }

  /** A protocol mapper adding the API's audience, as the realm's stamp-api client scope does. */
  public static final String API_AUDIENCE_MAPPER =
      "{\"name\":\"aud\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
          + "\"config\":{\"included.custom.audience\":\"stamp-api\",\"access.token.claim\":\"true\"}}";

  /** A protocol mapper putting the realm roles into {@code groups}, as the stamp-api scope does. */
  public static final String GROUPS_MAPPER =
      "{\"name\":\"groups\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-usermodel-realm-role-mapper\","
          + "\"config\":{\"claim.name\":\"groups\",\"multivalued\":\"true\",\"access.token.claim\":\"true\"}}";

  /**
   * Another realm on the same server ("elsewhere"): a user with the same name, roles claim,
   * audience and residency as a stamp user would have — only its issuer differs.
   */
  public String otherRealmToken() throws Exception {
    HttpResponse<String> realm = adminRaw("GET", "/admin/realms/elsewhere", null);
    String password = "El-" + UUID.randomUUID().toString().replace("-", "") + "-9aZ";
    if (realm.statusCode() == 404) {
      String mappers =
          "["
              + API_AUDIENCE_MAPPER
              + ",{\"name\":\"residency\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-hardcoded-claim-mapper\","
              + "\"config\":{\"claim.name\":\"residency\",\"claim.value\":\""
              + TestStamp.REGION
              + "\",\"jsonType.label\":\"String\",\"access.token.claim\":\"true\"}},"
              + GROUPS_MAPPER
              + "]";
      admin(
          "POST",
          "/admin/realms",
          "{\"realm\":\"elsewhere\",\"enabled\":true,"
              + "\"roles\":{\"realm\":[{\"name\":\"stamp-admin\"},{\"name\":\"user\"}]},"
              + "\"clients\":[{\"clientId\":\"cli\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
              + "\"standardFlowEnabled\":false,\"protocolMappers\":"
              + mappers
              + "}],"
              + "\"users\":[{\"username\":\"mallory\",\"enabled\":true,\"emailVerified\":true,"
              + "\"email\":\"mallory@elsewhere.invalid\",\"firstName\":\"M\",\"lastName\":\"M\","
              + "\"realmRoles\":[\"stamp-admin\",\"user\"],"
              + "\"credentials\":[{\"type\":\"password\",\"value\":\""
              + password
              + "\",\"temporary\":false}]}]}");
      passwords.put("elsewhere:mallory", password);
    }
    return passwordGrant("elsewhere", "cli", "mallory", passwords.get("elsewhere:mallory"));
  }

  /**
   * Rotates the stamp realm's signing key as an administrator would: a new RSA key with a higher
   * priority than every key before it, which signs every token from now on.
   *
   * @return the new key's id
   */
  public String rotateSigningKey() throws Exception {
    String realmId = json(admin("GET", "/admin/realms/stamp", null).body()).getString("id");
    String before = activeSigningKid();
    admin(
        "POST",
        "/admin/realms/stamp/components",
        "{\"name\":\"rsa-rotated-"
            + System.currentTimeMillis()
            + "\",\"providerId\":\"rsa-generated\",\"providerType\":\"org.keycloak.keys.KeyProvider\","
            + "\"parentId\":\""
            + realmId
            + "\",\"config\":{\"priority\":[\""
            + (1000 + System.currentTimeMillis() / 1000 % 100000)
            + "\"],\"keySize\":[\"2048\"],\"algorithm\":[\"RS256\"],\"active\":[\"true\"],\"enabled\":[\"true\"]}}");
    String after = activeSigningKid();
    if (after.equals(before)) {
      throw new IllegalStateException("the realm still signs with " + before);
    }
    tokens.clear();
    return after;
  }

  /** The key id the stamp realm signs RS256 tokens with now. */
  public String activeSigningKid() throws Exception {
    JsonObject keys = json(admin("GET", "/admin/realms/stamp/keys", null).body());
    return keys.getJsonObject("active").getString("RS256");
  }

  /** The {@code kid} in a token's header. */
  public static String kidOf(String token) {
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    return json(header).getString("kid");
  }

  HttpResponse<String> admin(String method, String path, String body) throws Exception {
    HttpResponse<String> r = adminRaw(method, path, body);
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r;
  }

  private HttpResponse<String> adminRaw(String method, String path, String body) throws Exception {
    String token =
        grant(
            "master",
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                env.getProperty("KEYCLOAK_ADMIN_CLIENT_ID"),
                "client_secret",
                Files.readString(Path.of(env.getProperty("KEYCLOAK_ADMIN_CLIENT_SECRET_FILE")))
                    .trim()));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url() + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  // --- helpers ----------------------------------------------------------------------------------

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String form(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
