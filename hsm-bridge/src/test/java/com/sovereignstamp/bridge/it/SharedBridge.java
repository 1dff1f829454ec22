package com.sovereignstamp.bridge.it;

import java.util.Map;

/**
 * One bridge for all integration test classes that can share it (a Payara Micro start costs about
 * 20 s). Tests that change its key-store file add key stores or keys of their own and never change
 * what others use. Stopped when the test JVM exits.
 */
public final class SharedBridge {
  private static BridgeInstance instance;

  private SharedBridge() {}

  public static synchronized BridgeInstance get() throws Exception {
    if (instance == null) {
      BridgeInstance b = BridgeInstance.create("shared", Map.of("BRIDGE_BACKEND", "pkcs11"));
      b.property("bridge.keystores.reload-interval", "PT0.2S");
      b.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      b.stop();
                    } catch (InterruptedException ignored) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      instance = b;
    }
    return instance;
  }
}
