package com.sovereignstamp.xks.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP front on 127.0.0.1 before a {@link FakeXksProxy}: it accepts each connection and either
 * closes it at once, before a TLS handshake could start (so the request is certainly never sent),
 * or forwards bytes both ways to the proxy. It counts the connections it accepted.
 */
final class FlakyFront implements AutoCloseable {
  /** While positive, each new connection is closed at once and counts it down. */
  final AtomicInteger connectionsToDrop = new AtomicInteger();

  /** When true, every new connection is closed at once. */
  volatile boolean dropAll;

  final AtomicInteger accepted = new AtomicInteger();
  private final ServerSocket server;
  private final int target;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  FlakyFront(int targetPort) throws IOException {
    this.target = targetPort;
    this.server = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        accepted.incrementAndGet();
        if (dropAll || connectionsToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          client.close();
          continue;
        }
        open.add(client);
        Socket upstream = new Socket();
        open.add(upstream);
        upstream.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), target));
        threads.execute(() -> pipe(client, upstream));
        threads.execute(() -> pipe(upstream, client));
      } catch (IOException e) {
        // closed, or one connection failed: go on until the server socket is closed
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the other side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(FlakyFront::closeQuietly);
    threads.shutdownNow();
  }
}
