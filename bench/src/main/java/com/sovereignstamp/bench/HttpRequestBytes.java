package com.sovereignstamp.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes an HTTP/1.1 request as one byte array, so that it leaves in a single TLS record. */
final class HttpRequestBytes {
  private HttpRequestBytes() {}

  /**
   * @param headers further headers, in order (names as given)
   */
  static byte[] post(
      String path, String host, String contentType, Map<String, String> headers, byte[] body) {
    return withBody("POST", path, host, contentType, headers, body);
  }

  /**
   * @param headers further headers, in order (names as given)
   */
  static byte[] put(
      String path, String host, String contentType, Map<String, String> headers, byte[] body) {
    return withBody("PUT", path, host, contentType, headers, body);
  }

  static byte[] get(String path, String host) {
    return get(path, host, Map.of());
  }

  /**
   * @param headers further headers, in order (names as given)
   */
  static byte[] get(String path, String host, Map<String, String> headers) {
    return head("GET", path, host, headers)
        .append("\r\n")
        .toString()
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The head of a request whose body of {@code contentLength} bytes the caller sends after it.
   *
   * @param headers further headers, in order (names as given)
   */
  static byte[] headOnly(
      String method,
      String path,
      String host,
      String contentType,
      Map<String, String> headers,
      long contentLength) {
    StringBuilder head = head(method, path, host, headers);
    head.append("Content-Type: ").append(contentType).append("\r\n");
    head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] withBody(
      String method,
      String path,
      String host,
      String contentType,
      Map<String, String> headers,
      byte[] body) {
    StringBuilder head = new StringBuilder(512);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    head.append("Content-Type: ").append(contentType).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  private static StringBuilder head(
      String method, String path, String host, Map<String, String> headers) {
    StringBuilder head = new StringBuilder(512);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
