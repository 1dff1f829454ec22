package com.sovereignstamp.appliance.archfixture;

import java.io.IOException;
import java.net.Socket;

/** Opens a plain socket to wherever it is told: the rule must catch it. */
public final class SocketDialer {
  private SocketDialer() {}

  static Socket dial(String host, int port) throws IOException {
    return new Socket(host, port);
  }
}
