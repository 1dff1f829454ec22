package com.sovereignstamp.appliance.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback between the appliance and the bridge that can pass, drop, delay or
 * black-hole the traffic — the network faults of the operating-mode tests. TLS passes through
 * untouched (the appliance still pins the bridge's certificate).
 *
 * <ul>
 *   <li>{@link #pass}: bytes flow both ways; connections a black hole swallowed bytes on are closed
 *       (their TLS streams are broken);
 *   <li>{@link #drop}: every open connection is closed and new ones are closed as soon as accepted
 *       (connection refused, in effect);
 *   <li>{@link #delay}: every chunk is held this long before it is passed on;
 *   <li>{@link #blackHole}: connections are accepted and kept open, nothing reaches the other side
 *       — the caller only learns by its timeout.
 * </ul>
 */
public final class FaultProxy implements AutoCloseable {
  /** What happens to the traffic. */
  public enum Fault {
    PASS,
    DROP,
    DELAY,
    BLACK_HOLE
  }

  private final InetSocketAddress target;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private volatile Fault fault = Fault.PASS;
  private volatile long delayMillis;

  private FaultProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** A proxy on a free loopback port in front of {@code host:port}, passing traffic. */
  public static FaultProxy to(String host, int port) throws IOException {
    return new FaultProxy(new InetSocketAddress(host, port));
  }

  public int port() {
    return server.getLocalPort();
  }

  public Fault fault() {
    return fault;
  }

  public synchronized void pass() {
    fault = Fault.PASS;
    links.stream().filter(l -> l.damaged).forEach(Link::close);
  }

  public synchronized void drop() {
    fault = Fault.DROP;
    links.forEach(Link::close);
  }

  public synchronized void delay(Duration d) {
    delayMillis = d.toMillis();
    fault = Fault.DELAY;
  }

  public synchronized void blackHole() {
    fault = Fault.BLACK_HOLE;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (fault == Fault.DROP) {
        closeQuietly(client);
        continue;
      }
      threads.execute(() -> open(client));
    }
  }

  private void open(Socket client) {
    Socket upstream = new Socket();
    try {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      upstream.connect(target, 5_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    Link link = new Link(client, upstream);
    links.add(link);
    if (fault == Fault.BLACK_HOLE) {
      link.damaged = true; // accepted, but the first bytes already go nowhere
    }
    threads.execute(() -> pump(link, client, upstream));
    threads.execute(() -> pump(link, upstream, client));
  }

  private void pump(Link link, Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        Fault now = fault;
        if (now == Fault.DROP) {
          break;
        }
        if (now == Fault.BLACK_HOLE || link.damaged) {
          link.damaged = true;
          continue; // swallowed
        }
        if (now == Fault.DELAY) {
          Thread.sleep(delayMillis);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the link is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      link.close();
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    links.forEach(Link::close);
    threads.shutdownNow();
  }

  private final class Link {
    private final Socket client;
    private final Socket upstream;
    private volatile boolean damaged;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void close() {
      closeQuietly(client);
      closeQuietly(upstream);
      links.remove(this);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fault-proxy");
      t.setDaemon(true);
      return t;
    };
  }
}
