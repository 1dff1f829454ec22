package com.sovereignstamp.appliance.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** A demo appliance's settings, with a valid residency policy file, for the settings tests. */
final class DemoSettings {
  /** The demo's policy: region eu-de, loopback allowed. */
  static final String POLICY =
      """
      {"region": "eu-de",
       "egressAllowlist": [
         {"host": "127.0.0.1/32", "region": "eu-de", "description": "loopback"},
         {"host": "::1/128", "region": "eu-de"}]}
      """;

  private static Path policyFile;

  private DemoSettings() {}

  /** The demo's settings with {@code overrides} on top (an empty value unsets a key). */
  static Config config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("stamp.profile", "demo");
    values.put("stamp.id", "stamp-1");
    values.put("stamp.residency.policy-file", policyFile().toString());
    values.put("stamp.db.url", "jdbc:h2:mem:settings");
    values.put("stamp.bridge.url", "https://127.0.0.1:8443");
    values.put("stamp.bridge.access-key-id", "AKID");
    values.put("stamp.bridge.secret-file", "/etc/stamp/xks-secret");
    values.put("stamp.bridge.ca-file", "/etc/stamp/ca.pem");
    values.put("stamp.bridge.client-cert-file", "/etc/stamp/client.pem");
    values.put("stamp.bridge.client-key-file", "/etc/stamp/client.key");
    values.put("stamp.cmk.key-id", "stamp-cmk-1");
    values.put("mp.jwt.verify.issuer", "https://sso.example/realms/stamp");
    values.put("mp.jwt.verify.audiences", "stamp-api");
    values.put("mp.jwt.verify.publickey.location", "file:///var/lib/stamp/sso/jwks.json");
    values.put("stamp.audit.checkpoint-key-file", "/etc/stamp/checkpoint.key");
    values.put("stamp.audit.witness-public-key-file", "/etc/stamp/bridge-witness.pem");
    values.putAll(overrides);
    return new MapConfig(values);
  }

  /** {@code json} in a new owner-only file. */
  static Path policy(String json) {
    try {
      Path file =
          Files.createTempFile(
              "residency-policy",
              ".json",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      file.toFile().deleteOnExit();
      return Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path policyFile() {
    if (policyFile == null) {
      policyFile = policy(POLICY);
    }
    return policyFile;
  }

  /** The part of {@link Config} the settings reader uses. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}
