package com.sovereignstamp.bench;

import java.io.IOException;
import javax.net.ssl.SSLContext;

/**
 * A connection slot of one thread: opens its TLS connection when needed and drops it after a
 * failure or a {@code Connection: close}, so that the next exchange starts on a fresh one.
 */
final class ReconnectingConnection implements AutoCloseable {
  private final SSLContext context;
  private final Target target;
  private TlsConnection current;
  private int opened;

  ReconnectingConnection(SSLContext context, Target target) {
    this.context = context;
    this.target = target;
  }

  /** Opens the connection now (outside any measurement) unless it is open. */
  void open() throws IOException {
    if (current == null) {
      current = TlsConnection.open(context, target);
      opened++;
    }
  }

  HttpResponse exchange(byte[] request) throws IOException {
    open();
    try {
      HttpResponse response = current.exchange(request);
      if (response.connectionClose()) {
        drop();
      }
      return response;
    } catch (IOException e) {
      drop();
      throw e;
    }
  }

  /** How many TLS connections this slot has opened (1 when the connection was never lost). */
  int opened() {
    return opened;
  }

  private void drop() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    drop();
  }
}
