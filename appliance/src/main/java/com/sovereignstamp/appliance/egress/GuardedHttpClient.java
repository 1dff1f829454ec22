package com.sovereignstamp.appliance.egress;

import com.sovereignstamp.appliance.residency.EgressPurpose;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP client whose every request is checked by the guard before it is sent: a destination that
 * was allowed when the client was issued is checked again (its name may resolve elsewhere by now),
 * and a request to any other host is refused. The client underneath follows no redirect and uses no
 * proxy ({@link OutboundClients}), so no request reaches the network without passing here. A
 * refused {@code sendAsync} completes exceptionally with the {@link EgressRefusedException}.
 */
final class GuardedHttpClient extends HttpClient {
  private final HttpClient client;
  private final EgressGuard guard;
  private final EgressPurpose purpose;

  GuardedHttpClient(HttpClient client, EgressGuard guard, EgressPurpose purpose) {
    this.client = client;
    this.guard = guard;
    this.purpose = purpose;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    guard.check(request.uri(), purpose);
    return client.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    try {
      guard.check(request.uri(), purpose);
    } catch (EgressRefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
    return client.sendAsync(request, handler, pushPromiseHandler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return client.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return client.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return client.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return client.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return client.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return client.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return client.authenticator();
  }

  @Override
  public Version version() {
    return client.version();
  }

  @Override
  public Optional<Executor> executor() {
    return client.executor();
  }
}
