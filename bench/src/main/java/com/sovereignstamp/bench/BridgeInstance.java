package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a bridge instance made by {@code hsm-bridge/bin/init-instance}: {@code instance.env}
 * (shell variables {@code KEY='value'}: where the bridge listens, the client certificate, the SigV4
 * credential, the key) and {@code bridge.properties} (later lines win).
 */
final class BridgeInstance {
  private BridgeInstance() {}

  /** The variables of {@code instance.env}, quotes removed (of any of the stamp's instances). */
  static Map<String, String> env(Path dir) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("instance.env"), StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
          value = value.substring(1, value.length() - 1);
        }
        env.put(line.substring(0, eq).strip(), value);
      }
    }
    return env;
  }

  /** The settings of {@code bridge.properties}; a key set twice keeps its last value. */
  static Map<String, String> properties(Path dir) throws IOException {
    Map<String, String> props = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(dir.resolve("bridge.properties"), StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        props.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return props;
  }

  /** Whether the instance records calls in an audit trail ({@code bridge.audit.enabled}). */
  static boolean audited(Map<String, String> properties) {
    return !"false".equalsIgnoreCase(properties.getOrDefault("bridge.audit.enabled", "true"));
  }
}
