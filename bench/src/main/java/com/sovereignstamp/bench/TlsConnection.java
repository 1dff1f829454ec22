package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.PemTls;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One persistent mutual-TLS connection with HTTP/1.1 keep-alive. The server's certificate must name
 * the host (endpoint identification {@code HTTPS}); Nagle is off so that a request is not held back
 * waiting for the previous answer's ACK. Not thread-safe: one thread per connection.
 */
final class TlsConnection implements AutoCloseable {
  private final SSLSocket socket;
  private final OutputStream out;
  private final HttpResponseReader reader;

  private TlsConnection(SSLSocket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.reader = new HttpResponseReader(new BufferedInputStream(socket.getInputStream(), 32768));
  }

  /** Connects, completes the handshake and returns the open connection. */
  static TlsConnection open(SSLContext context, Target target) throws IOException {
    return new TlsConnection(handshake(context, target, target.timeoutMillis()));
  }

  /**
   * A TLS socket to the target with the handshake done, for callers that stream a body themselves.
   *
   * @param readTimeoutMillis the socket's read timeout from then on
   */
  static SSLSocket handshake(SSLContext context, Target target, int readTimeoutMillis)
      throws IOException {
    Socket plain = new Socket();
    try {
      plain.setTcpNoDelay(true);
      plain.connect(new InetSocketAddress(target.host(), target.port()), target.timeoutMillis());
      SSLSocket tls =
          (SSLSocket)
              context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
      SSLParameters parameters = PemTls.parameters(context);
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
      tls.setSoTimeout(target.timeoutMillis());
      tls.startHandshake();
      tls.setSoTimeout(readTimeoutMillis);
      return tls;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** Sends one complete request and reads its answer. */
  HttpResponse exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    return reader.read();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
