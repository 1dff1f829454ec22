package com.sovereignstamp.xks.client;

import com.sovereignstamp.sigv4.SigV4Request;
import com.sovereignstamp.sigv4.SigV4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** Sends one signed (or deliberately unsigned) request and waits at most the given timeout. */
final class XksTransport implements AutoCloseable {
  static final String SERVICE = "kms-xks-proxy";
  static final String JSON = "application/json";
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final XksClientSettings settings;
  private final SigV4Signer signer;
  private final ExecutorService executor;
  private final HttpClient http;
  private final String host;

  /**
   * @param connector builds the HTTP client from the builder configured here
   */
  XksTransport(XksClientSettings settings, HttpConnector connector) {
    this.settings = settings;
    this.signer =
        new SigV4Signer(
            settings.accessKeyId(),
            settings.secret(),
            settings.region(),
            SERVICE,
            settings.clock());
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "xks-client-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.requestTimeout())
            .executor(executor);
    SSLContext context = settings.effectiveSslContext();
    if (context != null) {
      builder.sslContext(context).sslParameters(PemTls.parameters(context));
    }
    this.http = connector.connect(settings.baseUrl(), builder);
    this.host = hostHeader(settings.baseUrl());
  }

  /**
   * The Host header java.net.http sends (and so the value to sign): the URI's host, with the port
   * unless it is the scheme's default.
   */
  static String hostHeader(URI uri) {
    int port = uri.getPort();
    boolean defaultPort = port == -1 || port == ("https".equals(uri.getScheme()) ? 443 : 80);
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  /**
   * @param path the path after the base URL, starting with '/', possibly with a query
   * @param extraHeaders set after signing, replacing any header of the same name (unsigned)
   */
  HttpResponse<byte[]> exchange(
      String method, String path, Map<String, String> extraHeaders, byte[] body, boolean sign) {
    return exchange(method, path, extraHeaders, body, sign, settings.requestTimeout());
  }

  /**
   * One attempt, waiting at most {@code timeout}.
   *
   * @throws XksUnreachableException on a timeout or a transport failure, classified by {@link
   *     TransportFailures}
   */
  HttpResponse<byte[]> exchange(
      String method,
      String path,
      Map<String, String> extraHeaders,
      byte[] body,
      boolean sign,
      Duration timeout) {
    URI uri = URI.create(settings.baseUrl().toString() + path);
    byte[] payload = body == null ? new byte[0] : body;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(
                method,
                payload.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(payload))
            .header("Content-Type", JSON);
    if (sign) {
      Map<String, List<String>> signed = new LinkedHashMap<>();
      signed.put("host", List.of(host));
      signed.put("content-type", List.of(JSON));
      signer
          .sign(new SigV4Request(method, uri.getRawPath(), uri.getRawQuery(), signed, payload))
          .forEach(request::setHeader);
    }
    extraHeaders.forEach(request::setHeader);
    return await(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()), timeout);
  }

  private static HttpResponse<byte[]> await(
      CompletableFuture<HttpResponse<byte[]>> future, Duration timeout) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw TransportFailures.timedOut(timeout, true, e);
    } catch (ExecutionException e) {
      throw TransportFailures.classify(e.getCause() == null ? e : e.getCause(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw TransportFailures.interrupted(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
