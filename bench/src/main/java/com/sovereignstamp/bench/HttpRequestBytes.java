package com.sovereignstamp.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes an HTTP/1.1 POST as one byte array, so that it leaves in a single TLS record. */
final class HttpRequestBytes {
  private HttpRequestBytes() {}

  /**
   * @param headers further headers, in order (names as given)
   */
  static byte[] post(
      String path, String host, String contentType, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(512);
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    head.append("Content-Type: ").append(contentType).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  static byte[] get(String path, String host) {
    String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    return head.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
