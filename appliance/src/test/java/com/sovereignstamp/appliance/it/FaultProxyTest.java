package com.sovereignstamp.appliance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy the operating-mode tests rely on, against a loopback echo server. */
class FaultProxyTest {
  ServerSocket echo;
  FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket s = echo.accept();
                  Thread e = new Thread(() -> echoAll(s));
                  e.setDaemon(true);
                  e.start();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    proxy = FaultProxy.to("127.0.0.1", echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  private static void echoAll(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ignored) {
      // the peer went away
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(1000);
    return s;
  }

  private static int roundTrip(Socket s, int value) throws IOException {
    s.getOutputStream().write(value);
    s.getOutputStream().flush();
    return s.getInputStream().read();
  }

  @Test
  void passingTrafficArrivesBothWays() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, 42)).isEqualTo(42);
    }
  }

  @Test
  void aBlackHoleKeepsTheConnectionOpenAndAnswersNothingAndPassingAgainClosesIt()
      throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, 1)).isEqualTo(1);
      proxy.blackHole();
      assertThatThrownBy(() -> roundTrip(s, 2)).isInstanceOf(SocketTimeoutException.class);
      proxy.pass();
      assertThat(s.getInputStream().read()).as("the damaged connection is closed").isEqualTo(-1);
    }
    try (Socket fresh = connect()) {
      assertThat(roundTrip(fresh, 3)).isEqualTo(3);
    }
  }

  @Test
  void droppingClosesOpenConnectionsAndRefusesNewOnes() throws IOException {
    Socket s = connect();
    assertThat(roundTrip(s, 5)).isEqualTo(5);
    proxy.drop();
    assertThat(s.getInputStream().read()).isEqualTo(-1);
    s.close();
    try (Socket again = connect()) {
      again.getOutputStream().write(6);
      assertThat(again.getInputStream().read()).isEqualTo(-1);
    } catch (IOException reset) {
      // a reset is as good as a close
    }
  }

  @Test
  void aDelayHoldsEveryChunkBackThatLong() throws IOException {
    proxy.delay(Duration.ofMillis(300));
    try (Socket s = connect()) {
      long t0 = System.nanoTime();
      assertThat(roundTrip(s, 7)).isEqualTo(7);
      assertThat(Duration.ofNanos(System.nanoTime() - t0))
          .isGreaterThanOrEqualTo(Duration.ofMillis(600)); // held once each way
    }
  }
}
