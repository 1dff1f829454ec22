package com.sovereignstamp.bridge.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The link between a test bridge and its HSM as a network hop that can be cut: SoftHSM2 served by
 * {@code p11-kit server} on a Unix socket, the bridge loading p11-kit's client module. {@link #cut}
 * kills the server and every {@code p11-kit-remote} it forked (the link is gone, not just idle);
 * {@link #restore} starts it again — the bridge must reconnect without a restart.
 */
public final class P11KitLink implements AutoCloseable {
  static final String CLIENT_MODULE = "/usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so";

  private final BridgeInstance bridge;
  private final Path socket;
  private Process server;

  private P11KitLink(BridgeInstance bridge) {
    this.bridge = bridge;
    this.socket = bridge.dir().resolve("hsm.sock");
  }

  /** Serves the bridge's token through p11-kit and points the bridge at it (before its start). */
  public static P11KitLink between(BridgeInstance bridge) throws Exception {
    P11KitLink link = new P11KitLink(bridge);
    link.restore();
    bridge.property("bridge.pkcs11.library", CLIENT_MODULE);
    bridge.bridgeEnv("P11_KIT_SERVER_ADDRESS", "unix:path=" + link.socket);
    return link;
  }

  /** Starts the server (again) and waits for its socket. */
  public synchronized void restore() throws IOException, InterruptedException {
    if (server != null) {
      return;
    }
    Files.deleteIfExists(socket);
    ProcessBuilder pb =
        new ProcessBuilder(
                "p11-kit",
                "server",
                "-f",
                "-n",
                socket.toString(),
                "--provider",
                "/usr/lib/softhsm/libsofthsm2.so",
                "pkcs11:token=stamp-demo")
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(bridge.dir().resolve("p11-kit.log").toFile()));
    pb.environment().putAll(bridge.softHsmEnv());
    server = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(socket)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the p11-kit server socket did not appear");
      }
      Thread.sleep(50);
    }
  }

  /** Kills the server and every p11-kit-remote it forked. */
  public synchronized void cut() {
    if (server == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
    all.add(server.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : all) {
      h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }
    server = null;
  }

  @Override
  public void close() {
    cut();
  }
}
