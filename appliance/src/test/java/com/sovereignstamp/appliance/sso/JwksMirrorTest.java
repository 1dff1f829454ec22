package com.sovereignstamp.appliance.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.appliance.config.SsoSettings;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror against a JWKS endpoint on loopback (the JDK's HTTP server). */
class JwksMirrorTest {
  static final String RSA_SIG =
      "{\"kid\":\"k1\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";
  static final String RSA_ENC =
      "{\"kid\":\"k-enc\",\"kty\":\"RSA\",\"alg\":\"RSA-OAEP\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";
  static final String RSA_SIG_2 =
      "{\"kid\":\"k2\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"AQAC\",\"e\":\"AQAB\"}";

  @TempDir Path dir;
  HttpServer server;
  final AtomicReference<String> body = new AtomicReference<>();
  final AtomicInteger status = new AtomicInteger(200);
  final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/realms/stamp/protocol/openid-connect/certs",
        exchange -> {
          requests.incrementAndGet();
          byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), b.length);
          exchange.getResponseBody().write(b);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  JwksMirror mirror(Duration refresh) {
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/stamp";
    SsoSettings s =
        new SsoSettings(
            issuer,
            List.of("stamp-api"),
            SsoSettings.defaultJwksUrl(issuer),
            Optional.empty(),
            dir.resolve("sso/jwks.json"),
            refresh,
            Duration.ofSeconds(2));
    return new JwksMirror(HttpClient.newHttpClient(), s, Clock.systemUTC());
  }

  @Test
  void keepsOnlySignatureKeysAndWritesThemWhereTheRuntimeReadsThem() throws Exception {
    body.set("{\"keys\":[" + RSA_SIG + "," + RSA_ENC + "]}");
    JwksMirror m = mirror(Duration.ofSeconds(10));
    assertThat(m.refresh()).isTrue();
    assertThat(m.keyIds()).containsExactly("k1");
    String written = Files.readString(dir.resolve("sso/jwks.json"));
    assertThat(written).contains("\"kid\":\"k1\"").doesNotContain("k-enc");
    assertThat(m.lastRefresh()).isPresent();
  }

  @Test
  void aRotatedKeyIsWrittenAtTheNextRefresh() throws Exception {
    body.set("{\"keys\":[" + RSA_SIG + "]}");
    JwksMirror m = mirror(Duration.ofSeconds(10));
    m.refresh();
    body.set("{\"keys\":[" + RSA_SIG + "," + RSA_SIG_2 + "]}");
    m.refresh();
    assertThat(m.keyIds()).containsExactly("k1", "k2");
    assertThat(Files.readString(dir.resolve("sso/jwks.json"))).contains("\"kid\":\"k2\"");
  }

  @Test
  void aFailingOrNonsensicalAnswerKeepsTheLastGoodKeys() throws Exception {
    body.set("{\"keys\":[" + RSA_SIG + "]}");
    JwksMirror m = mirror(Duration.ofSeconds(10));
    m.refresh();
    String good = Files.readString(dir.resolve("sso/jwks.json"));
    status.set(500);
    assertThat(m.refresh()).isFalse();
    status.set(200);
    body.set("<html>maintenance</html>");
    assertThat(m.refresh()).isFalse();
    body.set("{\"keys\":[" + RSA_ENC + "]}");
    assertThat(m.refresh()).isFalse();
    assertThat(Files.readString(dir.resolve("sso/jwks.json"))).isEqualTo(good);
    assertThat(m.keyIds()).containsExactly("k1");
    assertThat(m.failures()).isEqualTo(3);
  }

  @Test
  void startFetchesAtOnceAndRetriesEverySecondUntilItHasKeys() throws Exception {
    status.set(503);
    body.set("");
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/stamp";
    SsoSettings s =
        new SsoSettings(
            issuer,
            List.of("stamp-api"),
            SsoSettings.defaultJwksUrl(issuer),
            Optional.empty(),
            dir.resolve("jwks.json"),
            Duration.ofMinutes(5),
            Duration.ofSeconds(2));
    try (JwksMirror m = JwksMirror.start(HttpClient.newHttpClient(), s)) {
      Thread.sleep(2_500);
      assertThat(requests.get()).isGreaterThanOrEqualTo(2);
      status.set(200);
      body.set("{\"keys\":[" + RSA_SIG + "]}");
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (m.keyIds().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(m.keyIds()).containsExactly("k1");
      int after = requests.get();
      Thread.sleep(1_500);
      assertThat(requests.get())
          .as("back to the refresh interval once it has keys")
          .isEqualTo(after);
    }
  }

  @Test
  void aKeySetWithoutKeysIsRefused() {
    assertThatThrownBy(() -> JwksMirror.KeySet.parse("{\"keys\":[]}"))
        .hasMessageContaining("no signature key");
    assertThatThrownBy(() -> JwksMirror.KeySet.parse("{}")).hasMessageContaining("no \"keys\"");
    assertThatThrownBy(() -> JwksMirror.KeySet.parse("[1]")).hasMessageContaining("not a JSON");
  }

  @Test
  void theDefaultKeyUrlIsTheIssuersCertsEndpoint() {
    assertThat(SsoSettings.defaultJwksUrl("https://127.0.0.1:8446/realms/stamp"))
        .isEqualTo(URI.create("https://127.0.0.1:8446/realms/stamp/protocol/openid-connect/certs"));
  }
}
