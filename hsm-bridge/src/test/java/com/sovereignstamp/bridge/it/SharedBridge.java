package com.sovereignstamp.bridge.it;

import java.util.Map;

/**
 * One bridge for all integration test classes that can share it (a Payara Micro start costs about
 * 20 s). Tests that change its key-store file add key stores or keys of their own and never change
 * what others use. Its audit trail is in PostgreSQL, read windows of one second. Stopped when the
 * test JVM exits.
 */
public final class SharedBridge {
  private static BridgeInstance instance;
  private static AuditDatabaseForTests audit;

  private SharedBridge() {}

  public static synchronized BridgeInstance get() throws Exception {
    if (instance == null) {
      BridgeInstance b = BridgeInstance.create("shared", Map.of("BRIDGE_BACKEND", "pkcs11"));
      b.property("bridge.keystores.reload-interval", "PT0.2S");
      b.property("bridge.audit.read-window", "PT1S");
      audit = AuditDatabaseForTests.attach(b, "shared");
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

  /** The shared bridge's audit trail, in PostgreSQL. */
  public static synchronized AuditDatabaseForTests audit() throws Exception {
    get();
    return audit;
  }

  /** Ends each test class on the shared bridge: every call it handled is in its audit trail. */
  public static void everyCallIsRecorded() throws Exception {
    AuditCoverage.everyCallIsRecorded(get(), audit());
  }
}
