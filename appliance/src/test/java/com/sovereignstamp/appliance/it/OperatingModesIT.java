package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.bridge.it.BridgeInstance;
import com.sovereignstamp.bridge.it.HsmLinkShim;
import com.sovereignstamp.bridge.it.KeyStoreFileEditor;
import com.sovereignstamp.bridge.it.OfficerClient;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyUse;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operating modes against the real bridge on SoftHSM2, with a TCP fault proxy between the
 * appliance and the bridge's XKS listener (the officers reach the bridge's admin listener directly,
 * as they would) and a link between the bridge and its HSM that can be cut ({@link HsmLinkShim}).
 * The appliance uses the key store's second credential so that withdrawing its grant or removing it
 * touches no other test class; every test leaves the key enabled, the grant and the credential in
 * place and the proxy passing.
 *
 * <p>Timing: a revocation must show within 1 s of the revoke call returning; this test allows 2 s
 * for a loaded 2-core CI machine (the benchmark reports the real distribution).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatingModesIT {
  static final Duration SOFT_TTL = Duration.ofSeconds(4);
  static final Duration HARD_TTL = Duration.ofSeconds(10);
  static final Duration REVOCATION_ALLOWANCE = Duration.ofSeconds(2);
  static final Pattern MODE = Pattern.compile("\"mode\":\"([A-Z_]+)\"");

  static FaultProxy proxy;
  static BridgeInstance bridge;
  static String credential;
  static String subject;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    TestStamp stamp = TestStamp.get();
    bridge = stamp.bridge();
    URI xks = URI.create(bridge.env("XKS_URL"));
    proxy = FaultProxy.to(xks.getHost(), xks.getPort());
    credential = bridge.env("XKS_SECOND_ACCESS_KEY_ID");
    subject = TestStamp.subjectOf(Path.of(bridge.env("XKS_CLIENT_CERT")));
    Path dir = Files.createDirectories(TestStamp.MODULE.resolve("target/it-stamp/modes"));
    Path secret =
        TestStamp.ownerOnly(
            dir.resolve("xks-second-secret-" + UUID.randomUUID()),
            bridge.env("XKS_SECOND_SECRET_ACCESS_KEY"));
    Map<String, String> s = stamp.settings();
    s.put("stamp.bridge.url", "https://" + xks.getHost() + ":" + proxy.port());
    s.put("stamp.bridge.access-key-id", credential);
    s.put("stamp.bridge.secret-file", secret.toString());
    s.put("stamp.bridge.timeout", "PT0.5S");
    s.put("stamp.mode.poll-interval", "PT0.5S");
    s.put("stamp.mode.watch-wait", "PT5S");
    s.put("stamp.mode.retry-delay", "PT0.2S");
    s.put("stamp.dek-cache.soft-ttl", SOFT_TTL.toString());
    s.put("stamp.dek-cache.hard-ttl", HARD_TTL.toString());
    return ApplianceDeployments.war(s);
  }

  @AfterAll
  static void closeProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  @ArquillianResource URL base;

  final OfficerClient one = new OfficerClient(bridge, 1);
  final OfficerClient two = new OfficerClient(bridge, 2);
  final KeyRef key = new KeyRef(bridge.env("XKS_URI_PREFIX"), bridge.env("XKS_KEY_ID"));

  ApiClient api() throws Exception {
    return new ApiClient(
        base, TestStamp.get().tokens().token("olga", "user", "stamp-admin", "auditor"));
  }

  // --- revocation ----------------------------------------------------------------------------

  @Test
  @Order(1)
  void revokedKeyFailsClosedWithinOneSecondAndZeroesTheCache() throws Exception {
    ApiClient api = api();
    awaitMode(api, "NORMAL", Duration.ofSeconds(30));
    String c = api.newCollection("revoke", "standard");
    byte[] content = random(4096, 1);
    for (int i = 0; i < 3; i++) {
      assertThat(put(api, c, "d" + i, content).statusCode()).isEqualTo(201);
    }
    List<Read> reads = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(3);
    try {
      for (int t = 0; t < 3; t++) {
        String id = "d" + t;
        readers.execute(() -> readUntilStopped(api, c, id, content, running, reads));
      }
      Thread.sleep(1000);
      OfficerClient.Answer revoked = one.revoke(key);
      long returned = System.nanoTime();
      assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
      long seen = awaitMode(api, "REVOKED", Duration.ofSeconds(10));
      assertThat(Duration.ofNanos(seen - returned))
          .as("REVOKED after the revoke call returned")
          .isLessThanOrEqualTo(REVOCATION_ALLOWANCE);
      Thread.sleep(500);
      running.set(false);
      readers.shutdown();
      assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      assertThat(reads).anyMatch(r -> r.ok() && r.startNanos() < returned);
      List<Read> after = reads.stream().filter(r -> r.startNanos() > seen).toList();
      assertThat(after).isNotEmpty().noneMatch(Read::ok);
      assertThat(after).allMatch(r -> r.status() == 403 && r.body().contains("key-revoked"));

      JsonObject keys = status(api).getJsonObject("keys");
      assertThat(keys.getInt("cached")).isZero();
      assertThat(keys.getInt("inMemory")).as("every cached key zeroed").isZero();
      assertThat(keys.getInt("purges")).isPositive();
      HttpResponse<String> write = put(api, c, "after", content);
      assertThat(write.statusCode()).isEqualTo(403);
      assertThat(write.body()).contains("/problems/key-revoked");
      assertThat(status(api).getString("modeReason")).contains("disabled");
      assertModeVisibleInHealthAndMetrics(api, "REVOKED", 2);
    } finally {
      running.set(false);
      readers.shutdownNow();
      reinstate();
    }
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
    assertThat(api.getBytes(documentPath(c, "d0")).body()).isEqualTo(content);
    assertThat(new StampDatabase(TestStamp.get().settings()).auditEntries())
        .anySatisfy(e -> assertThat(e).contains("mode.change").contains("REVOKED"))
        .anySatisfy(e -> assertThat(e).contains("mode.change").contains("\"to\":\"NORMAL\""));
  }

  @Test
  @Order(2)
  void withdrawnGrantIsRevocationNotDegradation() throws Exception {
    ApiClient api = api();
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
    try {
      OfficerClient.Answer withdrawn = one.withdraw(key, credential, subject);
      long returned = System.nanoTime();
      assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
      long seen = awaitMode(api, "REVOKED", Duration.ofSeconds(10));
      assertThat(Duration.ofNanos(seen - returned)).isLessThanOrEqualTo(REVOCATION_ALLOWANCE);
      assertThat(status(api).getString("modeReason")).contains("grant");
    } finally {
      OfficerClient.grantWithTwoOfficers(
          bridge, new Grant(key, credential, subject, EnumSet.allOf(KeyUse.class)));
    }
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
  }

  @Test
  @Order(3)
  void removedApplianceCredentialIsRevocationNotDegradation() throws Exception {
    ApiClient api = api();
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
    KeyStoreFileEditor keyStores = new KeyStoreFileEditor(bridge);
    String prefix = bridge.env("XKS_URI_PREFIX");
    JsonObject entry = keyStores.credential(prefix, credential);
    try {
      keyStores.removeCredential(prefix, credential);
      awaitMode(api, "REVOKED", Duration.ofSeconds(10)); // the bridge re-reads the file each second
      assertThat(status(api).getString("modeReason")).contains("refused this stamp");
    } finally {
      keyStores.addCredential(prefix, entry);
    }
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
  }

  // --- loss of the bridge --------------------------------------------------------------------

  @Test
  @Order(4)
  void blackHoledBridgeMakesTheStampReadOnlyWithCachedStandardReadsOnly() throws Exception {
    ApiClient api = api();
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
    String standard = api.newCollection("dark-std", "standard");
    String critical = api.newCollection("dark-crit", "critical");
    String cold = api.newCollection("dark-cold", "standard");
    byte[] content = random(5000, 2);
    for (String c : List.of(standard, critical, cold)) {
      assertThat(put(api, c, "doc", content).statusCode()).isEqualTo(201);
    }
    // let the cold collection's key pass its hard TTL while the other two stay in use
    long until = System.nanoTime() + HARD_TTL.plusSeconds(1).toNanos();
    while (System.nanoTime() < until) {
      assertThat(api.getBytes(documentPath(standard, "doc")).statusCode()).isEqualTo(200);
      assertThat(api.getBytes(documentPath(critical, "doc")).statusCode()).isEqualTo(200);
      Thread.sleep(400);
    }
    // an upload under way when the bridge goes dark: its body ends only once the stamp is degraded
    CountDownLatch degraded = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> upload =
        CompletableFuture.supplyAsync(() -> slowUpload(api, standard, "half", degraded));
    Thread.sleep(300);
    try {
      proxy.blackHole();
      awaitMode(api, "DEGRADED_READ_ONLY", Duration.ofSeconds(10));
      degraded.countDown();

      HttpResponse<byte[]> served = api.getBytes(documentPath(standard, "doc"));
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).isEqualTo(content);
      assertProblem(api.get(documentPath(critical, "doc")), 503, "not-served-while-degraded");
      assertProblem(api.get(documentPath(cold, "doc")), 503, "not-served-while-degraded");
      HttpResponse<String> write = put(api, standard, "new", content);
      assertProblem(write, 503, "read-only");
      assertThat(write.headers().firstValue("Retry-After")).isPresent();
      assertProblem(api.delete(documentPath(standard, "doc")), 503, "read-only");
      HttpResponse<String> interrupted = upload.get(60, TimeUnit.SECONDS);
      assertProblem(interrupted, 503, "read-only");
      assertProblem(api.get(documentPath(standard, "half") + "/metadata"), 404, "unknown-document");
      assertProblem(api.get(documentPath(standard, "new") + "/metadata"), 404, "unknown-document");
      assertThat(status(api).getString("modeReason")).contains("did not answer");
      assertModeVisibleInHealthAndMetrics(api, "DEGRADED_READ_ONLY", 1);
    } finally {
      degraded.countDown();
      proxy.pass();
    }
    awaitMode(api, "NORMAL", Duration.ofSeconds(20));
    assertThat(api.getBytes(documentPath(cold, "doc")).body()).isEqualTo(content);
    assertThat(put(api, standard, "new", content).statusCode()).isEqualTo(201);
  }

  @Test
  @Order(5)
  void revocationWhileTheBridgeIsDarkIsHonouredByTheHardTtl() throws Exception {
    ApiClient api = api();
    byte[] content = random(3000, 3);
    String c = standardCollectionWithDoc(api, "dark-revoke", content);
    long keyLoaded = System.nanoTime(); // the put unwrapped the collection's key just now
    try {
      proxy.blackHole();
      awaitMode(api, "DEGRADED_READ_ONLY", Duration.ofSeconds(10));
      OfficerClient.Answer revoked = one.revoke(key); // the officers reach the bridge; we do not
      assertThat(revoked.status()).isEqualTo(200);
      long firstRefused = 0;
      int servedAfterRevoke = 0;
      long deadline = System.nanoTime() + HARD_TTL.plusSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        HttpResponse<String> r = api.get(documentPath(c, "doc"));
        if (r.statusCode() == 200) {
          servedAfterRevoke++;
        } else {
          assertProblem(r, 503, "not-served-while-degraded");
          firstRefused = System.nanoTime();
          break;
        }
        Thread.sleep(250);
      }
      assertThat(firstRefused).as("refused once the hard TTL ran out").isPositive();
      assertThat(Duration.ofNanos(firstRefused - keyLoaded))
          .isLessThanOrEqualTo(HARD_TTL.plusSeconds(1));
      assertThat(servedAfterRevoke).as("served from the cache while dark").isPositive();
      proxy.pass();
      awaitMode(api, "REVOKED", Duration.ofSeconds(15));
    } finally {
      proxy.pass();
      reinstate();
    }
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
  }

  // --- loss of the HSM behind a reachable bridge ---------------------------------------------

  @Test
  @Order(6)
  void hsmLinkCutBehindAReachableBridgeDegradesNeverRevokesAndRecovers() throws Exception {
    ApiClient api = api();
    byte[] content = random(2000, 5);
    String c = standardCollectionWithDoc(api, "hsm-cut", content);
    HsmLinkShim link = TestStamp.get().hsmLink();
    try {
      link.cut();
      awaitMode(api, "DEGRADED_READ_ONLY", Duration.ofSeconds(10));
      // the bridge still answers (its watch says ENABLED): the stamp must stay degraded, never
      // revoked, however often it asks
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < until) {
        Matcher m = MODE.matcher(api.get("/api/v1/status").body());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("DEGRADED_READ_ONLY");
        Thread.sleep(100);
      }
      assertThat(status(api).getString("modeReason")).contains("did not answer");
      assertThat(bridge.log()).as("the bridge saw its HSM link go").contains("HSM link lost");
      assertThat(api.getBytes(documentPath(c, "doc")).body()).isEqualTo(content);
      assertProblem(put(api, c, "new", content), 503, "read-only");
    } finally {
      link.restore();
    }
    awaitMode(api, "NORMAL", Duration.ofSeconds(30)); // the bridge reconnects to its HSM first
    assertThat(bridge.log()).contains("HSM link up");
    assertThat(put(api, c, "new", content).statusCode()).isEqualTo(201);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Once the stamp is NORMAL: a new standard collection with {@code content} as document "doc". */
  private static String standardCollectionWithDoc(ApiClient api, String prefix, byte[] content)
      throws Exception {
    awaitMode(api, "NORMAL", Duration.ofSeconds(15));
    String c = api.newCollection(prefix, "standard");
    assertThat(put(api, c, "doc", content).statusCode()).isEqualTo(201);
    return c;
  }

  record Read(long startNanos, int status, boolean ok, String body) {}

  private static void readUntilStopped(
      ApiClient api, String c, String id, byte[] expected, AtomicBoolean running, List<Read> out) {
    while (running.get()) {
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> r = api.getBytes(documentPath(c, id));
        boolean ok = r.statusCode() == 200 && java.util.Arrays.equals(r.body(), expected);
        out.add(
            new Read(
                start,
                r.statusCode(),
                ok,
                new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)));
      } catch (Exception e) {
        out.add(new Read(start, -1, false, String.valueOf(e)));
      }
    }
  }

  private HttpResponse<String> slowUpload(
      ApiClient api, String c, String id, CountDownLatch release) {
    byte[] first = random(3 * 64 * 1024, 4);
    InputStream body =
        new InputStream() {
          int sent;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (sent == first.length) {
              return -1;
            }
            if (sent >= first.length / 2) {
              try {
                release.await(60, TimeUnit.SECONDS); // the second half once degraded
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            int n = Math.min(len, Math.min(8192, first.length - sent));
            System.arraycopy(first, sent, b, off, n);
            sent += n;
            return n;
          }
        };
    try {
      return api.send(
          api.request(documentPath(c, id))
              .header("Content-Type", "application/octet-stream")
              .PUT(
                  HttpRequest.BodyPublishers.fromPublisher(
                      HttpRequest.BodyPublishers.ofInputStream(() -> body), first.length)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void reinstate() throws Exception {
    OfficerClient.Answer r =
        one.reinstate(key, List.of(one.approveReinstate(key), two.approveReinstate(key)));
    if (r.status() != 200 && !r.body().contains("ENABLED")) {
      throw new IllegalStateException("reinstating failed: " + r.body());
    }
  }

  /** Polls the status until the mode is {@code expected}; returns when it was first seen. */
  private static long awaitMode(ApiClient api, String expected, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = api.get("/api/v1/status");
      Matcher m = MODE.matcher(r.body());
      if (m.find()) {
        last = m.group(1);
        if (last.equals(expected)) {
          return System.nanoTime();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("mode " + expected + " not reached within " + within + "; " + last);
  }

  /** Readiness stays UP and names the mode; the metric {@code stamp_mode} has its number. */
  private static void assertModeVisibleInHealthAndMetrics(ApiClient api, String mode, int number)
      throws Exception {
    HttpResponse<String> ready = api.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"mode\":\"" + mode + "\"");
    String metrics = api.get("/metrics?scope=application").body();
    assertThat(metrics.lines().filter(l -> l.startsWith("stamp_mode")).toList())
        .as(metrics)
        .anySatisfy(l -> assertThat(l).matches("stamp_mode(\\{[^}]*\\})? " + number + "(\\.0)?"));
  }

  private static JsonObject status(ApiClient api) throws Exception {
    return jakarta.json.Json.createReader(
            new java.io.StringReader(api.get("/api/v1/status").body()))
        .readObject();
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.body()).contains("/problems/" + type + "\"");
  }

  private static HttpResponse<String> put(ApiClient api, String c, String id, byte[] content)
      throws Exception {
    return api.put(documentPath(c, id), "application/octet-stream", content);
  }

  private static String documentPath(String c, String id) {
    return "/api/v1/collections/" + c + "/documents/" + id;
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }
}
