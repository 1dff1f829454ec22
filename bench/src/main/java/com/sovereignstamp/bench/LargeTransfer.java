package com.sovereignstamp.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One large document through one side, each way on a fresh connection: the upload streams {@link
 * GeneratedContent} as the request body (never held whole), the download reads the answer's body
 * into a SHA-256 digest that must equal the content's. The time runs from writing the request's
 * first byte to the end of the answer (the upload's answer comes once the server has committed).
 * The server's resident set is sampled meanwhile.
 */
final class LargeTransfer {
  private final SSLContext context;
  private final Target target;
  private final int readTimeoutMillis;
  private final OptionalLong serverPid;

  /**
   * @param readTimeoutMillis the longest wait for a byte of the answer (the upload's answer only
   *     comes after the commit of the whole body)
   */
  LargeTransfer(SSLContext context, Target target, int readTimeoutMillis, OptionalLong serverPid) {
    this.context = context;
    this.target = target;
    this.readTimeoutMillis = readTimeoutMillis;
    this.serverPid = serverPid;
  }

  /**
   * What one transfer did.
   *
   * @param side {@link DocumentEndpoint#name()}
   * @param direction {@code upload} or {@code download}
   * @param bytes body bytes sent or received
   * @param nanos first byte written to the end of the answer
   * @param status the answer's status
   * @param verified upload: the answer was 200/201; download: 200, full length and the SHA-256 of
   *     the content
   * @param rss the server's resident set during the transfer
   */
  record Result(
      String side,
      String direction,
      long bytes,
      long nanos,
      int status,
      boolean verified,
      ResidentSetSampler.Peak rss) {
    double seconds() {
      return nanos / 1e9;
    }

    /** Megabytes (10^6 bytes) per second. */
    double megabytesPerSecond() {
      return nanos == 0 ? 0 : bytes / 1e6 / seconds();
    }
  }

  Result upload(DocumentEndpoint side, String documentId, GeneratedContent content)
      throws IOException {
    byte[] head =
        HttpRequestBytes.headOnly(
            "PUT",
            side.path(documentId),
            target.hostHeader(),
            DocumentWorkloads.CONTENT_TYPE,
            side.headers(),
            content.size());
    byte[] block = new byte[GeneratedContent.BLOCK];
    try (SSLSocket socket = TlsConnection.handshake(context, target, readTimeoutMillis)) {
      OutputStream out = socket.getOutputStream();
      HttpResponseReader reader =
          new HttpResponseReader(new BufferedInputStream(socket.getInputStream(), 32768));
      ResidentSetSampler rss = ResidentSetSampler.start(serverPid);
      long started = System.nanoTime();
      long sent = 0;
      HttpResponse response;
      try {
        out.write(head);
        for (int k = 0; k < content.blocks(); k++) {
          int n = content.block(k, block);
          out.write(block, 0, n);
          sent += n;
        }
        out.flush();
        response = reader.read();
      } finally {
        rss.close();
      }
      long took = System.nanoTime() - started;
      boolean ok = response.status() == 200 || response.status() == 201;
      return new Result(side.name(), "upload", sent, took, response.status(), ok, rss.stop());
    }
  }

  Result download(DocumentEndpoint side, String documentId, GeneratedContent expected)
      throws IOException {
    byte[] want = expected.sha256();
    byte[] request = side.get(target, documentId);
    try (SSLSocket socket = TlsConnection.handshake(context, target, readTimeoutMillis)) {
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
      HttpResponseReader reader = new HttpResponseReader(in);
      MessageDigest digest = GeneratedContent.sha256Digest();
      byte[] buffer = new byte[GeneratedContent.BLOCK];
      ResidentSetSampler rss = ResidentSetSampler.start(serverPid);
      long started = System.nanoTime();
      long received = 0;
      HttpResponseHead head;
      try {
        out.write(request);
        out.flush();
        head = reader.readHead();
        if (head.status() == 200) {
          long left = head.contentLength();
          while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
              throw new EOFException(
                  "connection closed after " + received + " of " + head.contentLength() + " bytes");
            }
            digest.update(buffer, 0, n);
            received += n;
            left -= n;
          }
        }
      } finally {
        rss.close();
      }
      long took = System.nanoTime() - started;
      boolean ok =
          head.status() == 200
              && received == expected.size()
              && MessageDigest.isEqual(digest.digest(), want);
      return new Result(side.name(), "download", received, took, head.status(), ok, rss.stop());
    }
  }
}
