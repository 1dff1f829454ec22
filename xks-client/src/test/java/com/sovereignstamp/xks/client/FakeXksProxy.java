package com.sovereignstamp.xks.client;

import com.sovereignstamp.sigv4.SigV4Exception;
import com.sovereignstamp.sigv4.SigV4Request;
import com.sovereignstamp.sigv4.SigV4Verifier;
import com.sovereignstamp.sigv4.SigningSecret;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real HTTPS server on 127.0.0.1 that demands a client certificate, verifies each request's SigV4
 * and answers as an XKS proxy would ({@link FakeXksApi}). It records every request it verified.
 */
final class FakeXksProxy implements AutoCloseable {
  static final String REGION = "eu-central-1";
  static final String ACCESS_KEY_ID = "AKIASOVEREIGNSTAMP234";
  static final SigningSecret SECRET =
      SigningSecret.of("c292ZXJlaWduLXN0YW1wLXhrcy1jbGllbnQtdGVzdC1zZWNyZXQ");
  static final String PREFIX = "/demo";

  /** A request as the server received it, after its signature was verified. */
  record Recorded(String method, String path, Map<String, List<String>> headers, JsonObject body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  final FakeXksApi api = new FakeXksApi();
  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final CountDownLatch closing = new CountDownLatch(1);
  private final SigV4Verifier verifier =
      new SigV4Verifier(
          id -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty(),
          REGION,
          "kms-xks-proxy",
          Clock.systemUTC(),
          Duration.ofMinutes(5));
  volatile long delayMillis;

  /** Requests that reached the handler, counted before any delay, verification or answer. */
  final AtomicInteger arrivals = new AtomicInteger();

  /** While positive, each request is held 5 s (or {@link #delayMillis}) and counts it down. */
  final AtomicInteger slowRequests = new AtomicInteger();

  /** While positive, each request is read and its connection closed without an answer. */
  final AtomicInteger unansweredRequests = new AtomicInteger();

  private FakeXksProxy(SSLContext context) throws IOException {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = PemTls.parameters(getSSLContext());
            p.setNeedClientAuth(true);
            params.setSSLParameters(p);
          }
        });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A proxy presenting the named certificate of the {@link TestPki} ("server", "elsewhere"). */
  static FakeXksProxy start(String certificate) throws IOException {
    TestPki pki = TestPki.get();
    FakeXksProxy proxy =
        new FakeXksProxy(PemTls.mutual(pki.ca(), pki.chain(certificate), pki.key(certificate)));
    proxy.certificate = certificate;
    return proxy;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Settings for a client with the test client certificate and a generous timeout. */
  XksClientSettings.Builder settings() {
    TestPki pki = TestPki.get();
    Path ca = pki.ca();
    return XksClientSettings.builder()
        .baseUrl("https://127.0.0.1:" + port())
        .uriPrefix(PREFIX)
        .region(REGION)
        .credentials(ACCESS_KEY_ID, SECRET)
        .sslContext(PemTls.mutual(ca, pki.chain("client"), pki.key("client")))
        .requestTimeout(Duration.ofSeconds(5));
  }

  /**
   * Settings as {@link #settings()}, with the client's TLS material (owner-only key) instead of a
   * finished context, so that pins can be added.
   */
  XksClientSettings.Builder pinnableSettings() {
    TestPki pki = TestPki.get();
    return settings().tls(PemTls.material(pki.ca(), pki.chain("client"), pki.key("client")));
  }

  /** The settings pointed at another port on 127.0.0.1 (a {@link FlakyFront} before this proxy). */
  XksClientSettings.Builder settingsVia(int port) {
    return settings().baseUrl("https://127.0.0.1:" + port);
  }

  XksClient client() {
    return new XksClient(settings().build());
  }

  /** The next request recorded, waiting briefly for it. */
  Recorded next() throws InterruptedException {
    Recorded r = requests.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the proxy received no (verified) request");
    }
    return r;
  }

  /** The certificate (and key) this proxy presents: "server", "elsewhere", "rogue"... */
  private String certificate = "server";

  String certificate() {
    return certificate;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      arrivals.incrementAndGet();
      if (unansweredRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return; // closing the exchange before any answer closes the connection
      }
      boolean slow = delayMillis > 0 || slowRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
      long delay = delayMillis > 0 ? delayMillis : 5_000;
      if (slow && closing.await(delay, TimeUnit.MILLISECONDS)) {
        return;
      }
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
      FakeXksApi.Answer answer;
      try {
        verifier.verify(
            new SigV4Request(method, path, exchange.getRequestURI().getRawQuery(), headers, body));
        answer =
            api.answer(
                method, path, body, r -> requests.add(new Recorded(method, path, headers, r)));
      } catch (SigV4Exception e) {
        answer = FakeXksApi.error(401, "AuthenticationFailedException", e.reason().name());
      }
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
