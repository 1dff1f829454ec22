package com.sovereignstamp.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from a keep-alive stream: status line, headers, then exactly {@code
 * Content-Length} body bytes. A transfer-coded (e.g. chunked) answer is refused, as is a body whose
 * end only the closing of the connection would mark: the driver never needs either.
 */
final class HttpResponseReader {
  static final int MAX_LINE = 8192;
  static final int MAX_HEADERS = 100;
  static final int MAX_BODY = 16 * 1024 * 1024;

  private final InputStream in;
  private final byte[] line = new byte[MAX_LINE];

  /**
   * @param in a buffered stream: the reader takes bytes one at a time up to the body
   */
  HttpResponseReader(InputStream in) {
    this.in = in;
  }

  HttpResponse read() throws IOException {
    HttpResponseHead head = readHead();
    if (!head.hasBody()) {
      return new HttpResponse(head.status(), new byte[0], head.connectionClose());
    }
    long contentLength = head.contentLength();
    if (contentLength > MAX_BODY) {
      throw new HttpProtocolException("response body of " + contentLength + " bytes is too long");
    }
    byte[] body = in.readNBytes((int) contentLength);
    if (body.length != contentLength) {
      throw new EOFException(
          "connection closed after " + body.length + " of " + contentLength + " body bytes");
    }
    return new HttpResponse(head.status(), body, head.connectionClose());
  }

  /**
   * The status line and headers only; the body (exactly {@link HttpResponseHead#contentLength()}
   * bytes when {@link HttpResponseHead#hasBody()}) is left in the stream for the caller.
   */
  HttpResponseHead readHead() throws IOException {
    String statusLine = readLine(true);
    int status = status(statusLine);
    long contentLength = -1;
    boolean close = false;
    for (int count = 0; ; count++) {
      String header = readLine(false);
      if (header.isEmpty()) {
        break;
      }
      if (count == MAX_HEADERS) {
        throw new HttpProtocolException("more than " + MAX_HEADERS + " response headers");
      }
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new HttpProtocolException("malformed response header: " + header);
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = contentLength(value, contentLength);
        case "transfer-encoding" -> {
          if (!value.equalsIgnoreCase("identity")) {
            throw new HttpProtocolException(
                "Transfer-Encoding '"
                    + value
                    + "' is not supported: this driver reads Content-Length bodies only");
          }
        }
        case "connection" -> close |= value.toLowerCase(Locale.ROOT).contains("close");
        default -> {
          // not needed by the driver
        }
      }
    }
    boolean body = hasBody(status);
    if (body && contentLength < 0) {
      throw new HttpProtocolException(
          "HTTP "
              + status
              + " without Content-Length: this driver reads Content-Length bodies only");
    }
    return new HttpResponseHead(status, body ? contentLength : 0, body, close);
  }

  private static boolean hasBody(int status) {
    return !(status / 100 == 1 || status == 204 || status == 304);
  }

  private static int status(String statusLine) throws HttpProtocolException {
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new HttpProtocolException("not an HTTP/1.x status line: " + statusLine);
    }
    if (statusLine.charAt(8) != ' ' || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw new HttpProtocolException("malformed status line: " + statusLine);
    }
    try {
      int status = Integer.parseInt(statusLine.substring(9, 12));
      if (status < 100 || status > 599) {
        throw new HttpProtocolException("status out of range: " + statusLine);
      }
      return status;
    } catch (NumberFormatException e) {
      throw new HttpProtocolException("malformed status code: " + statusLine);
    }
  }

  private static long contentLength(String value, long previous) throws HttpProtocolException {
    long length;
    try {
      length = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new HttpProtocolException("malformed Content-Length: " + value);
    }
    if (length < 0 || (previous >= 0 && previous != length)) {
      throw new HttpProtocolException("invalid or conflicting Content-Length: " + value);
    }
    return length;
  }

  /** One line without its CRLF (a bare LF is tolerated). */
  private String readLine(boolean first) throws IOException {
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (first && n == 0) {
          throw new EOFException("connection closed by the server");
        }
        throw new EOFException("connection closed in the middle of the response head");
      }
      if (b == '\n') {
        if (n > 0 && line[n - 1] == '\r') {
          n--;
        }
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (n == MAX_LINE) {
        throw new HttpProtocolException("response line longer than " + MAX_LINE + " bytes");
      }
      line[n++] = (byte) b;
    }
  }
}
