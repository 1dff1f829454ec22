package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.xks.client.Health;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A network HSM, simulated: the bridge reaches the SoftHSM2 token only through {@code p11-kit
 * server} on a Unix socket. Killing the server (and the per-connection processes it forked) is a
 * real loss of the HSM link; starting it again brings the HSM back.
 *
 * <p>Debian 12's p11-kit (0.24.1) does not carry AES-GCM mechanism parameters over its RPC, so the
 * traffic here is GetKeyMetadata (key lookup and attribute reads on the HSM) and health.
 */
class HsmLinkLossIT {
  private static final String CLIENT_MODULE = "/usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so";
  private static BridgeInstance bridge;
  private static Path socket;
  private static Process server;

  @BeforeAll
  static void start() throws Exception {
    bridge = BridgeInstance.create("p11kit", Map.of("BRIDGE_BACKEND", "pkcs11"));
    socket = bridge.dir().resolve("hsm.sock");
    startServer();
    bridge.property("bridge.pkcs11.library", CLIENT_MODULE);
    bridge.bridgeEnv("P11_KIT_SERVER_ADDRESS", "unix:path=" + socket);
    bridge.start();
  }

  @AfterAll
  static void stop() throws Exception {
    AuditCoverage.everyCallIsRecordedAfterStop(bridge);
    killServer();
  }

  private static void startServer() throws Exception {
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
      assertThat(System.nanoTime()).as("p11-kit server socket").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Kills the server and every p11-kit-remote it forked: the link is gone, not just idle. */
  private static void killServer() throws InterruptedException {
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

  @Test
  void lostHsmLink_failsFastWithDependencyTimeout_andTheBridgeReconnectsWithoutRestart()
      throws Exception {
    String key = bridge.env("XKS_KEY_ID");
    try (XksClient client = bridge.client(Duration.ofMillis(250));
        XksClient slowClient = bridge.client(Duration.ofSeconds(1))) {
      Eventually.holds(Duration.ofSeconds(10), () -> client.metadata(key)); // warm the connections
      slowClient.metadata(key);
      // healthy calls through the 1 s client: a loaded CI machine may exceed 250 ms now and then
      for (int i = 0; i < 20; i++) {
        assertThat(slowClient.metadata(key).keySpec()).isEqualTo("AES_256");
      }
      killServer();

      // A hung bridge would let every call run into the client's budget. Each call must get an
      // XKS error; the budget the XKS client holds us to (250 ms) must hold for nearly all of
      // them even on a loaded 2-core CI machine, and for every one within 1 s.
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        long t0 = System.nanoTime();
        try {
          slowClient.metadata(key);
          throw new AssertionError("metadata succeeded without an HSM");
        } catch (XksException e) {
          assertThat(e.errorName()).isIn("DependencyTimeoutException", "InternalException");
          assertThat(e.status()).isIn(503, 500);
        }
        millis.add((System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(25);
      }
      assertThat(millis).allMatch(ms -> ms < 1000);
      assertThat(millis.stream().filter(ms -> ms < 250).count()).isGreaterThanOrEqualTo(38);
      Eventually.holds(
          Duration.ofSeconds(5),
          () -> {
            Health down = client.health();
            assertThat(down.ekmFleetDetails().get(0).healthStatus()).isEqualTo("UNAVAILABLE");
          });

      startServer();
      Eventually.holds(
          Duration.ofSeconds(15),
          () -> assertThat(client.metadata(key).keySpec()).isEqualTo("AES_256"));
      for (int i = 0; i < 20; i++) {
        assertThat(slowClient.metadata(key).keyUsage())
            .containsExactlyInAnyOrder("ENCRYPT", "DECRYPT");
      }
      assertThat(bridge.log()).contains("HSM link lost").contains("HSM link up");
    }
  }
}
