package com.sovereignstamp.bridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreFileTest {
  static final String AKID = "ABCDEFGHIJKLMNOPQRST";
  static final String SECRET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
  @TempDir Path dir;

  static String file(String prefix, String akid, String secret) {
    return "{\"keyStores\":[{\"uriPrefix\":\""
        + prefix
        + "\",\"requestsPerSecond\":10,"
        + "\"keys\":[{\"id\":\"k1\",\"label\":\"hsm-k1\",\"version\":3},{\"id\":\"k2\",\"status\":\"DISABLED\"}],"
        + "\"credentials\":[{\"accessKeyId\":\""
        + akid
        + "\",\"secretAccessKey\":\""
        + secret
        + "\",\"clientSubjects\":[\"CN=a, O=B\"],\"principals\":[\"arn:p\"]}]}]}";
  }

  private Path write(String json) throws IOException {
    Path f = dir.resolve("keystores.json");
    Files.writeString(f, json);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  @Test
  void keyStores_areReadWithKeysCredentialsAndQuota() throws Exception {
    KeyStores stores = KeyStoreFile.read(write(file("/bank", AKID, SECRET)));
    KeyStoreDefinition s = stores.find("/bank").orElseThrow();
    assertThat(s.requestsPerSecond()).isEqualTo(10);
    assertThat(s.key("k1").orElseThrow().label()).isEqualTo("hsm-k1");
    assertThat(s.key("k1").orElseThrow().version()).isEqualTo(3);
    assertThat(s.key("k2").orElseThrow().label()).isEqualTo("k2");
    assertThat(s.key("k2").orElseThrow().enabled()).isFalse();
    CredentialDefinition c = s.credential(AKID).orElseThrow();
    assertThat(c.clientSubjects().get(0).getName()).isEqualTo("CN=a,O=B");
    assertThat(c.principals()).containsExactly("arn:p");
    assertThat(c.toString()).doesNotContain(SECRET);
  }

  @Test
  void badAccessKeyIdsSecretsAndPrefixes_areRefusedWithoutNamingTheSecret() throws Exception {
    assertThatThrownBy(
            () -> KeyStoreFile.read(write(file("/bank", "lowercase-not-allowed", SECRET))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> KeyStoreFile.read(write(file("/bank", AKID, "short"))))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short"));
    assertThatThrownBy(() -> KeyStoreFile.read(write(file("/ba..nk", AKID, SECRET))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> KeyStoreFile.read(write("{not json"))).isInstanceOf(IOException.class);
  }

  @Test
  void registry_reloadsAChangedFileAndKeepsTheOldOneWhenTheNewOneIsBroken() throws Exception {
    Path f = write(file("/bank", AKID, SECRET));
    AtomicLong now = new AtomicLong();
    KeyStoreRegistry registry =
        new KeyStoreRegistry(f, Duration.ofSeconds(1), true, now::get, ok -> {});
    assertThat(registry.find("/bank")).isPresent();

    write(file("/other", AKID, SECRET));
    Files.setLastModifiedTime(
        f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertThat(registry.find("/bank")).as("not checked again before the interval").isPresent();
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(registry.find("/bank")).isEmpty();
    assertThat(registry.find("/other")).isPresent();

    write("{broken");
    Files.setLastModifiedTime(
        f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 9000));
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(registry.find("/other")).as("previous key stores stay in force").isPresent();
  }

  @Test
  void registryInProduction_refusesAFileOthersCanRead() throws Exception {
    Path f = write(file("/bank", AKID, SECRET));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(
            () -> new KeyStoreRegistry(f, Duration.ofSeconds(1), true, System::nanoTime, ok -> {}))
        .isInstanceOf(IOException.class);
    assertThat(
            new KeyStoreRegistry(f, Duration.ofSeconds(1), false, System::nanoTime, ok -> {})
                .find("/bank"))
        .isPresent();
  }
}
