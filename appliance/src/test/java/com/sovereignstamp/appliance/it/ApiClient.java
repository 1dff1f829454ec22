package com.sovereignstamp.appliance.it;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the appliance under test as a client would, with a bearer token (recorded as a planted
 * marker: no log of the run may show it).
 */
public final class ApiClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;
  private final String token;

  /**
   * @param base the deployment's URL as Arquillian reports it; its host is replaced by 127.0.0.1,
   *     where the server listens (Arquillian names the machine's host name)
   */
  public ApiClient(URL base, String token) {
    this(URI.create("http://127.0.0.1:" + base.getPort()), token);
  }

  private ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
    // every token sent to the appliance must stay out of every log (PlantedMarkersScan)
    ItLogs.plant(PlantedMarker.Kind.TOKEN, token);
  }

  public ApiClient withToken(String other) {
    return new ApiClient(base, other);
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<InputStream> stream(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET());
  }

  public HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> postJson(String path, String json) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String path, String contentType, byte[] body) throws Exception {
    return put(path, contentType, body, Map.of());
  }

  public HttpResponse<String> put(
      String path, String contentType, byte[] body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return send(b);
  }

  public HttpResponse<String> delete(String path) throws Exception {
    return send(request(path).DELETE());
  }

  /** A collection with a fresh name; returns the name. */
  public String newCollection(String prefix, String classification) throws Exception {
    String name = prefix + "-" + Long.toHexString(System.nanoTime());
    HttpResponse<String> r =
        postJson(
            "/api/v1/collections",
            "{\"name\":\"" + name + "\",\"classification\":\"" + classification + "\"}");
    if (r.statusCode() != 201) {
      throw new IllegalStateException("collection not created: " + r.statusCode() + " " + r.body());
    }
    return name;
  }
}
